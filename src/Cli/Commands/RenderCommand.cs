using System.CommandLine;
using Leaflets.Content;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Braille;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Cli.Commands;

/// <summary>
/// <c>leaflets render &lt;id&gt;... | --all [--format pdf|brf|epub] [--variant V] [--size N] [--paper P] [--grade G] [--cells N]
/// [--lines N] [--content DIR] -o DIR</c>: writes the PDFs for a print run (or braille files, or EPUBs to hand out),
/// named as the HTTP routes name them. Exit 2 for bad usage, 1 when any leaflet failed, 0 when every file was written.
/// </summary>
internal static class RenderCommand
{
    /// <summary>The command; <paramref name="time"/> decides "today" for each leaflet's printed review status (tests pass a fixed clock).</summary>
    public static Command Create(TimeProvider? time = null)
    {
        var ids = new Argument<string[]>("ids")
        {
            Description = "The ids of the leaflets to render (folder names under leaflets/).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var all = new Option<bool>("--all") { Description = "Render every leaflet that loads (instead of naming ids)." };
        var variant = new Option<string?>("--variant")
        {
            Description = "plain or easy-read. Default: every variant each leaflet has.",
        };
        var size = new Option<string?>("--size")
        {
            Description = $"Body text size in points: {string.Join(", ", PdfRenderOptions.AllowedSizes)}. Default: {PdfRenderOptions.DefaultBodySize}.",
        };
        var paper = new Option<string?>("--paper")
        {
            Description = $"Paper: {string.Join(", ", PdfRenderOptions.AllowedPapers)} (any case). Default: A4.",
        };
        var format = new Option<string?>("--format")
        {
            Description = $"What to write: {string.Join(", ", RenderFormats.Names)}. Default: pdf.",
        };
        var grade = new Option<string?>("--grade") { Description = "Braille grade (--format brf): 1 or 2. Default: 2." };
        var cells = new Option<string?>("--cells")
        {
            Description = $"Braille cells per line (--format brf): {BrailleChoice.MinCells} to {BrailleChoice.MaxCells}. Default: {BrailleChoice.DefaultCells}.",
        };
        var lines = new Option<string?>("--lines")
        {
            Description = $"Braille lines per page (--format brf): {BrailleChoice.MinLines} to {BrailleChoice.MaxLines}. Default: {BrailleChoice.DefaultLines}.",
        };
        var publicBaseUrl = new Option<string?>("--public-base-url")
        {
            Description = "The site root (e.g. https://leaflets.example.org): the last page then carries a QR code and the "
                + "address of the online version. Default: Site__PublicBaseUrl, else none.",
        };
        var content = CommonOptions.Content();
        var output = new Option<string?>("--output", "-o") { Description = "The folder to write the files into (created if missing)." };
        var command = new Command("render", "Render leaflets as large-print, tagged PDFs for a print run, or as braille files or accessible EPUBs.")
        {
            ids, all, format, variant, size, paper, grade, cells, lines, publicBaseUrl, content, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = parse.InvocationConfiguration.Error;
            var usage = PrintRunRequest.TryCreate(
                parse.GetValue(ids) ?? [], parse.GetValue(all), parse.GetValue(format), parse.GetValue(variant), parse.GetValue(size), parse.GetValue(paper),
                parse.GetValue(grade), parse.GetValue(cells), parse.GetValue(lines),
                parse.GetValue(publicBaseUrl) ?? Environment.GetEnvironmentVariable("Site__PublicBaseUrl"),
                CommonOptions.ResolveContentRoot(parse.GetValue(content)), parse.GetValue(output),
                out var request);
            if (request is null)
            {
                await errors.WriteLineAsync($"leaflets render: {usage}");
                await errors.WriteLineAsync(
                    "Usage: leaflets render <id>... | --all [--format pdf|brf|epub] [--variant V] [--size N] [--paper P] [--grade G] [--cells N] [--lines N] [--content DIR] -o DIR");
                return CommonOptions.UsageError;
            }
            return await new PrintRun(request, parse.InvocationConfiguration.Output, errors, time ?? TimeProvider.System).RunAsync(cancellationToken);
        });
        return command;
    }
}

/// <summary>A validated <c>render</c> invocation: what to render, how, and where to.</summary>
internal sealed record PrintRunRequest(
    IReadOnlyList<string> Ids, bool All, RenderFormat Format, LeafletVariant? Variant, PrintChoice Print, BrailleChoice Braille, SiteOptions Site,
    string ContentRoot, string OutputFolder)
{
    /// <summary>The request, or null and the reason (one sentence naming the allowed values).</summary>
    public static string? TryCreate(
        IReadOnlyList<string> ids, bool all, string? format, string? variant, string? size, string? paper,
        string? grade, string? cells, string? lines, string? publicBaseUrl,
        string contentRoot, string? output, out PrintRunRequest? request)
    {
        request = null;
        // An unknown option lands among the ids (they are free text), so it is caught here.
        if (ids.FirstOrDefault(id => id.StartsWith('-')) is { } unknown)
        {
            return $"unknown option '{unknown}'.";
        }
        if (all == (ids.Count > 0))
        {
            return all ? "name leaflet ids or give --all, not both." : "name the leaflets to render, or give --all.";
        }
        // The same words as the HTTP route's, with the options named as they are typed here.
        if (!RenderFormats.TryParse(format, out var chosenFormat, out var error)
            || !LeafletVariants.TryParse(variant, "--" + LeafletVariants.Parameter, absent: null, out var chosen, out error)
            || !PrintChoice.TryParse(size, paper, name => "--" + name, out var print, out error)
            || !BrailleChoice.TryParse(grade, cells, lines, name => "--" + name, out var braille, out error))
        {
            return error;
        }
        // An option of another format would be silently ignored: say so instead.
        if (chosenFormat != RenderFormat.Pdf && (size ?? paper) is not null)
        {
            return "--size and --paper apply to --format pdf only.";
        }
        if (chosenFormat != RenderFormat.Brf && (grade ?? cells ?? lines) is not null)
        {
            return "--grade, --cells and --lines apply to --format brf only.";
        }
        var site = new SiteOptions { PublicBaseUrl = publicBaseUrl };
        if (!site.IsValid)
        {
            return SiteOptions.InvalidMessage.Replace("Site:PublicBaseUrl", "--public-base-url (or Site__PublicBaseUrl)", StringComparison.Ordinal);
        }
        if (string.IsNullOrWhiteSpace(output))
        {
            return "give the folder to write into with -o DIR.";
        }
        request = new PrintRunRequest(ids, all, chosenFormat, chosen, print, braille, site, contentRoot, output);
        return null;
    }
}

/// <summary>The formats <c>leaflets render</c> writes, each as its HTTP route serves it.</summary>
internal enum RenderFormat
{
    Pdf,
    Brf,
    Epub,
}

internal static class RenderFormats
{
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<RenderFormat>().Select(Name)];

    public static string Name(RenderFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>What the progress lines call one file of the format.</summary>
    public static string FileNoun(RenderFormat format) => format switch
    {
        RenderFormat.Brf => "braille file",
        RenderFormat.Epub => "EPUB",
        _ => "PDF",
    };

    /// <summary>The format <c>--format</c> names (any case), PDF when absent, or false and the sentence naming those offered.</summary>
    public static bool TryParse(string? text, out RenderFormat format, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        (format, error) = (RenderFormat.Pdf, null);
        if (text is null)
        {
            return true;
        }
        foreach (var candidate in Enum.GetValues<RenderFormat>())
        {
            if (string.Equals(Name(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }
        error = ChoiceMessages.MustBeOneOf("--format", Names, text);
        return false;
    }
}
