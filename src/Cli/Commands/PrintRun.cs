using System.Diagnostics;
using Leaflets.Content;
using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Braille;
using Leaflets.Content.Rendering.Epub;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Text;

namespace Leaflets.Cli.Commands;

/// <summary>
/// Renders the PDFs (or braille files or EPUBs, <see cref="PrintRunRequest.Format"/>) a <see cref="PrintRunRequest"/> asks for, one line of progress per file. A leaflet that fails
/// (unknown, broken, no such variant, render error) is named on stderr and the rest still print: exit 1 at the end.
/// Each file states its leaflet's review status as of today (UTC), as the HTTP route would serve it today.
/// </summary>
internal sealed class PrintRun(PrintRunRequest request, TextWriter output, TextWriter errors, TimeProvider time)
{
    private readonly ILeafletPdfRenderer _renderer = new LeafletPdfRenderer();
    private int _failures;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var report = await CommonOptions.TryCheckFolderAsync(new ContentCheck(), request.ContentRoot, "render", errors, cancellationToken);
        if (report is null)
        {
            return 1;
        }
        var broken = report.Problems.Where(p => p.Severity == ProblemSeverity.Error)
            .ToLookup(p => ContentHealth.LeafletIdOf(p.Path), StringComparer.Ordinal);

        var jobs = new List<(Leaflet Leaflet, LeafletDocument Document)>();
        var ids = request.All ? [.. report.Content.Leaflets.Keys, .. broken.Select(group => group.Key)] : request.Ids.Distinct(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!report.Content.Leaflets.TryGetValue(id, out var leaflet))
            {
                await FailAsync(broken.Contains(id)
                    ? $"'{id}' is broken and was not rendered:\n  " + string.Join("\n  ", broken[id])
                    : $"there is no leaflet '{id}' in {request.ContentRoot}.");
                continue;
            }
            await AddJobsAsync(leaflet, jobs);
        }

        Directory.CreateDirectory(request.OutputFolder);
        var total = Stopwatch.StartNew();
        var written = 0;
        for (var index = 0; index < jobs.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (leaflet, document) = jobs[index];
            if (await RenderAsync(leaflet, document, report.Content.Strings, $"[{index + 1}/{jobs.Count}]", cancellationToken))
            {
                written++;
            }
        }
        await output.WriteLineAsync($"{written} of {jobs.Count} {RenderFormats.FileNoun(request.Format)}(s) written to {request.OutputFolder} in {total.ElapsedMilliseconds} ms"
            + (_failures > 0 ? $"; {_failures} failure(s)" : ""));
        return _failures == 0 ? 0 : 1;
    }

    private async Task AddJobsAsync(Leaflet leaflet, List<(Leaflet, LeafletDocument)> jobs)
    {
        if (request.Variant is not { } wanted)
        {
            jobs.AddRange(leaflet.Variants.Values.Select(document => (leaflet, document)));
        }
        else if (leaflet.Variants.TryGetValue(wanted, out var document))
        {
            jobs.Add((leaflet, document));
        }
        else if (request.All)
        {
            // Most leaflets may lack an easy-read text; with --all that is not a failure, only worth a note.
            await output.WriteLineAsync($"{leaflet.Id} has no {wanted.Slug()} variant; skipped");
        }
        else
        {
            await FailAsync($"'{leaflet.Id}' has no {wanted.Slug()} variant; it has: {string.Join(", ", leaflet.Variants.Keys.Select(v => v.Slug()))}.");
        }
    }

    private async Task<bool> RenderAsync(Leaflet leaflet, LeafletDocument document, StringsLibrary strings, string counter, CancellationToken cancellationToken)
    {
        if (Plan(leaflet, document, strings, cancellationToken) is not var (fileName, options, render))
        {
            await FailAsync($"{leaflet.Id} {document.Variant.Slug()}: braille is not offered in the language '{document.Metadata.Language}'.");
            return false;
        }
        var path = Path.Combine(request.OutputFolder, fileName);
        var timer = Stopwatch.StartNew();
        try
        {
            await File.WriteAllBytesAsync(path, render(), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            await FailAsync($"{leaflet.Id} {document.Variant.Slug()} failed: {error.Message}");
            return false;
        }
        await output.WriteLineAsync($"{counter} {leaflet.Id} {document.Variant.Slug()} {options} -> {path} ({timer.ElapsedMilliseconds} ms)");
        return true;
    }

    /// <summary>
    /// The file's name as its HTTP route names it, the options to report, and how to make its bytes; null when the
    /// format is not offered in the document's language (braille without a table for it).
    /// </summary>
    private (string FileName, string Options, Func<byte[]> Render)? Plan(
        Leaflet leaflet, LeafletDocument document, StringsLibrary strings, CancellationToken cancellationToken)
    {
        switch (request.Format)
        {
            case RenderFormat.Epub:
                var epub = EpubRequest.For(leaflet, document, time.Today(), strings);
                return (epub.FileName, "EPUB", () => LeafletEpubRenderer.Render(epub));
            case RenderFormat.Brf:
                return BrailleRequest.For(leaflet, document, request.Braille, strings) is { } braille
                    ? (braille.FileName, $"{braille.Table.Name} {braille.Choice.Cells}x{braille.Choice.Lines}", () => braille.Render(BrailleTranslator.Shared))
                    : null;
            default:
                var print = PdfRequest.Print(leaflet, document, request.Print, request.Site, time.Today(), strings);
                return (print.FileName, $"{print.Options.BodySize}pt {print.Options.Paper}", () => _renderer.Render(print, cancellationToken));
        }
    }

    private async Task FailAsync(string message)
    {
        _failures++;
        await errors.WriteLineAsync($"leaflets render: {message}");
    }
}
