using Leaflets.Functions;
using Leaflets.Storage;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddLeafletFunctions(builder.Configuration);
var host = builder.Build();
// Before the host starts: the snapshot's opening download runs beside the rest of its start (blob content).
host.Services.BeginReadingContent();
host.Run();

// Internal so that a project referencing both this app and a web host sees one public Program (CS0433).
internal partial class Program;
