using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Leaflets.Api.Tests.Infrastructure;

namespace Leaflets.Api.Tests;

/// <summary><c>leaflets serve</c> as a real process: its options, its environment fallback and its start-up log.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_with_content_and_urls_listens_there_and_logs_the_broken_leaflet_at_start()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var url = $"http://127.0.0.1:{FreePort()}";

        using var serve = await ServeProcess.StartAsync(["serve", "--content", sandbox.ContentRoot, "--urls", url], environment: []);

        using var client = new HttpClient();
        var list = await ApiJson.ReadAsync(await client.GetAsync(url + "/api/leaflets"));
        Assert.Equal(2, (int)list["total"]!);
        Assert.Contains("broken-leaflet/plain.md:", serve.Output);
    }

    [Fact]
    public async Task Serve_without_content_option_takes_the_root_from_Content__Root()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var url = $"http://127.0.0.1:{FreePort()}";

        using var serve = await ServeProcess.StartAsync(["serve", "--urls", url], environment: new() { ["Content__Root"] = sandbox.ContentRoot });

        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url + "/api/leaflets/bone-scan")).StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ServeProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private ServeProcess(Process process) => _process = process;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static async Task<ServeProcess> StartAsync(string[] arguments, Dictionary<string, string> environment)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "leaflets.dll"));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            start.Environment.Remove("Content__Root");
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
            var serve = new ServeProcess(Process.Start(start)!);
            serve._process.OutputDataReceived += (_, line) => serve.Append(line.Data);
            serve._process.ErrorDataReceived += (_, line) => serve.Append(line.Data);
            serve._process.BeginOutputReadLine();
            serve._process.BeginErrorReadLine();

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!serve.Output.Contains("Now listening on", StringComparison.Ordinal))
            {
                if (serve._process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException("leaflets serve did not start:\n" + serve.Output);
                }
                await Task.Delay(100);
            }
            return serve;
        }

        private void Append(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            _process.Dispose();
        }
    }
}
