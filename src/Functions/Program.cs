using Leaflets.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddLeafletFunctions(builder.Configuration);
var host = builder.Build();
host.Run();

// Internal so that a project referencing both this app and a web host sees one public Program (CS0433).
internal partial class Program;
