using System.CommandLine;
using Leaflets.Cli;

return await LeafletsCommandLine.RunAsync(LeafletsCommandLine.Create(), args, new InvocationConfiguration());
