using System.Diagnostics;

namespace Leaflets.Content.Tests;

/// <summary>
/// Runs the independent checks in tests/node (an npm readability package, axe-core in Chromium).
/// A missing node, node_modules or browser is a failure with the fix in its message, never a skip:
/// a check that silently does not run proves nothing.
/// </summary>
public static class NodeScripts
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "node");

    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var modules = Path.Combine(Folder, "node_modules");
        if (!Directory.Exists(modules))
        {
            Assert.Fail($"{modules} is missing: run scripts/test.sh or `npm ci` in tests/node.");
        }
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Folder, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"node could not be started ({e.Message}): install Node.js 20 or later, then run scripts/test.sh.");
            throw;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"node {script} did not finish within {timeout.TotalSeconds} s.");
            }
            process.WaitForExit();
            return new Result(process.ExitCode, output.Result, error.Result);
        }
    }
}
