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
    public async Task Serve_with_content_and_urls_listens_there_says_where_the_library_is_and_logs_the_broken_leaflet_at_start()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var url = $"http://127.0.0.1:{FreePort()}";

        using var serve = await ServeProcess.StartAsync(["serve", "--content", sandbox.ContentRoot, "--urls", url], environment: []);

        using var client = new HttpClient();
        var list = await ApiJson.ReadAsync(await client.GetAsync(url + "/api/leaflets"));
        Assert.Equal(2, (int)list["total"]!);
        Assert.Contains("broken-leaflet/plain.md:", serve.Output);
        Assert.Contains($"The leaflet library: {url}/ ", serve.Output);
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

    [Fact]
    public async Task Serve_with_a_fifo_as_plain_md_listens_reports_it_in_health_and_serves_the_other_leaflets()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        MakeFifo(Path.Combine(sandbox.ContentRoot, "leaflets", "stuck", "plain.md"));
        var url = $"http://127.0.0.1:{FreePort()}";

        using var serve = await ServeProcess.StartAsync(["serve", "--content", sandbox.ContentRoot, "--urls", url], environment: []);

        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        var health = await ApiJson.ReadAsync(await client.GetAsync(url + "/api/health"));
        var stuck = health["leaflets"]!["rejected"]!.AsArray().Single(r => (string)r!["id"]! == "stuck")!;
        Assert.Contains(stuck["errors"]!.AsArray(), e => ((string)e!).Contains("leaflets/stuck/plain.md:1: file-not-regular: ", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url + "/api/leaflets/bone-scan")).StatusCode);
    }

    [Fact]
    public async Task Check_with_a_fifo_as_plain_md_finishes_and_names_the_file_and_rule()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        MakeFifo(Path.Combine(sandbox.ContentRoot, "leaflets", "stuck", "plain.md"));

        var (exit, output) = await RunToEndAsync(["check", "--content", sandbox.ContentRoot]);

        Assert.Equal(1, exit);
        Assert.Contains("leaflets/stuck/plain.md:1: file-not-regular: this is a FIFO (named pipe)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_listens_while_its_first_load_hangs_and_stops_on_sigterm_with_the_read_still_hanging()
    {
        // A blob endpoint that accepts connections and never answers: the first read of the content, started at
        // start-up, hangs for the ten minutes it is allowed.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var blobEndpoint = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/devstoreaccount1";
        var url = $"http://127.0.0.1:{FreePort()}";

        using var serve = await ServeProcess.StartAsync(["serve", "--urls", url], environment: new()
        {
            ["Content__Source"] = "blob",
            ["Content__Blob__ConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Convert.ToBase64String(new byte[64])};BlobEndpoint={blobEndpoint};",
            ["Content__RefreshTimeoutSeconds"] = "600",
        });
        await serve.TerminateAsync();

        Assert.True(serve.Exited, "leaflets serve was still running a minute after SIGTERM:\n" + serve.Output);
    }

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static async Task<(int Exit, string Output)> RunToEndAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "leaflets.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"leaflets {string.Join(' ', arguments)} did not finish within 2 minutes.");
        }
        return (process.ExitCode, await output + await errors);
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
            while (!serve.Output.Contains("The leaflet library: ", StringComparison.Ordinal))
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

        public bool Exited => _process.HasExited;

        /// <summary>Sends SIGTERM, as a container runtime or systemd stops a service, and waits up to a minute for the exit.</summary>
        public async Task TerminateAsync()
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await _process.WaitForExitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                // Reported by the caller through Exited.
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
