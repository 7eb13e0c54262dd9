using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Leaflets.Benchmarks.Chromium;

/// <summary>
/// Debian's headless Chromium kept running for the whole benchmark and driven over the DevTools
/// protocol: one tab, navigated to a file and printed to PDF per operation. This is the strongest
/// baseline a user could build (no process start, no profile creation per document).
/// </summary>
internal sealed partial class WarmChromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PrintTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly string profileFolder;
    private readonly DevToolsConnection connection;
    private readonly string sessionId;

    private WarmChromium(Process process, string profileFolder, DevToolsConnection connection, string sessionId)
    {
        this.process = process;
        this.profileFolder = profileFolder;
        this.connection = connection;
        this.sessionId = sessionId;
    }

    public int ProcessId => process.Id;

    public string AllowedCpus() => AllowedCpus(process.Id);

    /// <summary>The "Cpus_allowed_list" line of /proc/&lt;id&gt;/status, e.g. "0" or "0-1".</summary>
    public static string AllowedCpus(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
        return "CPUs " + (line?["Cpus_allowed_list:".Length..].Trim() ?? "unknown");
    }

    /// <summary>The flags every Chromium run here uses: headless, no sandbox, nothing fetched from the network.</summary>
    public static IReadOnlyList<string> Flags(string profileFolder) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        $"--user-data-dir={profileFolder}",
    ];

    public static async Task<WarmChromium> StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Executable))
        {
            throw new FileNotFoundException($"{Executable} is missing: install the Debian package 'chromium' (scripts/bench.sh does).", Executable);
        }
        var profileFolder = Directory.CreateTempSubdirectory("leaflets-bench-chromium-").FullName;
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var flag in Flags(profileFolder))
        {
            start.ArgumentList.Add(flag);
        }
        start.ArgumentList.Add("--remote-debugging-address=127.0.0.1");
        start.ArgumentList.Add("--remote-debugging-port=0");
        start.ArgumentList.Add("about:blank");

        var endpoint = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        process.ErrorDataReceived += (_, line) =>
        {
            var match = line.Data is null ? null : ListeningLine().Match(line.Data);
            if (match is { Success: true })
            {
                endpoint.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            var browserEndpoint = await endpoint.Task.WaitAsync(timeout.Token);
            var connection = await DevToolsConnection.ConnectAsync(browserEndpoint, timeout.Token);
            var target = await connection.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, timeout.Token);
            var attached = await connection.SendAsync("Target.attachToTarget",
                new JsonObject { ["targetId"] = target.GetProperty("targetId").GetString(), ["flatten"] = true }, null, timeout.Token);
            var sessionId = attached.GetProperty("sessionId").GetString()!;
            await connection.SendAsync("Page.enable", null, sessionId, timeout.Token);
            return new WarmChromium(process, profileFolder, connection, sessionId);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            Directory.Delete(profileFolder, recursive: true);
            throw;
        }
    }

    /// <summary>Loads <paramref name="page"/> (waiting for its load event, so every image is in) and prints it on A4.</summary>
    public async Task<byte[]> PrintToPdfAsync(Uri page, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PrintTimeout);
        var loaded = connection.NextEventAsync("Page.loadEventFired", sessionId);
        var navigation = await connection.SendAsync("Page.navigate", new JsonObject { ["url"] = page.AbsoluteUri }, sessionId, timeout.Token);
        if (navigation.TryGetProperty("errorText", out var failure))
        {
            throw new InvalidOperationException($"Chromium could not open {page}: {failure.GetString()}");
        }
        await loaded.WaitAsync(timeout.Token);
        // A4, backgrounds, and the tagged PDF with an outline: the nearest Chromium gets to what our renderer makes.
        var printed = await connection.SendAsync("Page.printToPDF", new JsonObject
        {
            ["paperWidth"] = 210 / 25.4,
            ["paperHeight"] = 297 / 25.4,
            ["printBackground"] = true,
            ["preferCSSPageSize"] = true,
            ["generateTaggedPDF"] = true,
            ["generateDocumentOutline"] = true,
        }, sessionId, timeout.Token);
        return Convert.FromBase64String(printed.GetProperty("data").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try
        {
            Directory.Delete(profileFolder, recursive: true);
        }
        catch (IOException)
        {
            // A helper process may still hold a file for a moment; the folder is in the temp area.
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex ListeningLine();
}
