using Leaflets.Content.Caching;
using Leaflets.Content.Catalog;
using Leaflets.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddLeafletFunctions(builder.Configuration);
var host = builder.Build();
HeapLimit.Apply(host.Services.GetRequiredService<IOptions<ContentOptions>>().Value.HeapLimitMegabytes);
host.Run();

// Internal so that a project referencing both this app and a web host sees one public Program (CS0433).
internal partial class Program;
