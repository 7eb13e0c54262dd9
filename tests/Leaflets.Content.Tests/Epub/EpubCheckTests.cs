using System.Diagnostics;
using System.Text.Json;
using Leaflets.Content.Model;

namespace Leaflets.Content.Tests.Epub;

/// <summary>
/// EPUBCheck (Debian's <c>epubcheck</c>, the W3C's validator, a Java tool) over the EPUB of every leaflet document:
/// one error or warning fails the test. A missing validator is a failure with the fix in its message, never a skip.
/// </summary>
public sealed class EpubCheckTests : IDisposable
{
    /// <summary>Debian installs the jar here; /usr/bin/epubcheck links to it but needs binfmt support to run directly.</summary>
    private const string EpubCheckJar = "/usr/share/java/epubcheck.jar";

    private readonly string _folder = Directory.CreateTempSubdirectory("leaflets-epubcheck-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_leaflet_document_under_content_passes_EPUBCheck_without_errors_or_warnings()
    {
        var load = RealContent.Load;
        Assert.False(load.HasErrors, string.Join('\n', load.Problems));
        var files = load.Leaflets.Values.SelectMany(leaflet => leaflet.AllDocuments.Select(document => EpubFiles.Write(_folder, leaflet, document))).ToList();

        // Both variants and a translation, so a Welsh EPUB is validated too.
        Assert.Contains(files, file => file.Contains("-easy-read-", StringComparison.Ordinal));
        Assert.Contains(files, file => file.Contains("-cy-", StringComparison.Ordinal));
        foreach (var file in files)
        {
            AssertValid(file);
        }
    }

    [Fact]
    public void The_rich_test_leaflet_with_every_block_type_passes_EPUBCheck_in_both_variants()
    {
        var leaflet = EpubFiles.WithRealPictures(TestDocuments.Leaflet());
        foreach (var document in leaflet.AllDocuments)
        {
            AssertValid(EpubFiles.Write(_folder, leaflet, document));
        }
    }

    [Fact]
    public void EPUBCheck_reports_a_broken_package_so_a_pass_means_something()
    {
        var leaflet = TestDocuments.Leaflet();
        var good = EpubFiles.Write(_folder, leaflet, leaflet.Plain);
        var broken = Path.Combine(_folder, "broken.epub");
        using (var zip = System.IO.Compression.ZipFile.Open(good, System.IO.Compression.ZipArchiveMode.Read))
        using (var copy = System.IO.Compression.ZipFile.Open(broken, System.IO.Compression.ZipArchiveMode.Create))
        {
            // Everything but the navigation document, which the package still names.
            foreach (var entry in zip.Entries.Where(entry => entry.FullName != "EPUB/nav.xhtml"))
            {
                using var from = entry.Open();
                using var to = copy.CreateEntry(entry.FullName, entry.FullName == "mimetype"
                    ? System.IO.Compression.CompressionLevel.NoCompression : System.IO.Compression.CompressionLevel.Optimal).Open();
                from.CopyTo(to);
            }
        }

        var messages = Run(broken);

        Assert.Contains(messages, message => message.Severity == "ERROR");
    }

    private static void AssertValid(string file)
    {
        var messages = Run(file);
        Assert.True(messages.Count == 0, $"{Path.GetFileName(file)}:\n" + string.Join('\n', messages));
    }

    private sealed record Message(string Id, string Severity, string Text, string Where);

    /// <summary>EPUBCheck's messages about <paramref name="file"/> at severity warning or above (its JSON report).</summary>
    private static List<Message> Run(string file)
    {
        if (!File.Exists(EpubCheckJar))
        {
            Assert.Fail($"{EpubCheckJar} is missing: install Debian's epubcheck (scripts/test.sh does).");
        }
        var report = file + ".json";
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-jar", EpubCheckJar, file, "--json", report })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"EPUBCheck did not finish on {file} within 2 minutes.");
        }
        Assert.True(File.Exists(report), $"EPUBCheck wrote no report (exit {process.ExitCode}):\n{output.Result}\n{error.Result}");
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        return [.. json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(message => message.GetProperty("severity").GetString() is "FATAL" or "ERROR" or "WARNING")
            .Select(message => new Message(
                message.GetProperty("ID").GetString()!,
                message.GetProperty("severity").GetString()!,
                message.GetProperty("message").GetString()!,
                string.Join("; ", message.GetProperty("locations").EnumerateArray().Select(location =>
                    $"{location.GetProperty("path").GetString()}:{location.GetProperty("line").GetInt32()}"))))];
    }
}
