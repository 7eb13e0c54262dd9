using System.CommandLine;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Cli.Commands;

/// <summary>
/// <c>leaflets render &lt;id&gt;... | --all [--format pdf|epub] [--variant V] [--size N] [--paper P] [--content DIR] -o DIR</c>:
/// writes the PDFs for a print run (or the EPUBs to hand out), named as the HTTP routes name them. Exit 2 for bad usage, 1 when any leaflet failed, 0 when
/// every PDF was written.
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
        var format = new Option<string?>("--format")
        {
            Description = $"The file format: {string.Join(", ", RenderFormats.All)}. Default: {RenderFormats.Pdf}.",
        };
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
        var publicBaseUrl = new Option<string?>("--public-base-url")
        {
            Description = "The site root (e.g. https://leaflets.example.org): the last page then carries a QR code and the "
                + "address of the online version. Default: Site__PublicBaseUrl, else none.",
        };
        var content = CommonOptions.Content();
        var output = new Option<string?>("--output", "-o") { Description = "The folder to write the PDFs into (created if missing)." };
        var command = new Command("render", "Render leaflets as large-print, tagged PDFs for a print run, or as accessible EPUBs.")
        {
            ids, all, format, variant, size, paper, publicBaseUrl, content, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = parse.InvocationConfiguration.Error;
            var usage = PrintRunRequest.TryCreate(
                parse.GetValue(ids) ?? [], parse.GetValue(all), parse.GetValue(format), parse.GetValue(variant), parse.GetValue(size), parse.GetValue(paper),
                parse.GetValue(publicBaseUrl) ?? Environment.GetEnvironmentVariable("Site__PublicBaseUrl"),
                CommonOptions.ResolveContentRoot(parse.GetValue(content)), parse.GetValue(output),
                out var request);
            if (request is null)
            {
                await errors.WriteLineAsync($"leaflets render: {usage}");
                await errors.WriteLineAsync("Usage: leaflets render <id>... | --all [--format pdf|epub] [--variant V] [--size N] [--paper P] [--content DIR] -o DIR");
                return CommonOptions.UsageError;
            }
            return await new PrintRun(request, parse.InvocationConfiguration.Output, errors, time ?? TimeProvider.System).RunAsync(cancellationToken);
        });
        return command;
    }
}

/// <summary>A validated <c>render</c> invocation: what to render, how, and where to.</summary>
internal sealed record PrintRunRequest(
    IReadOnlyList<string> Ids, bool All, string Format, LeafletVariant? Variant, PrintChoice Print, SiteOptions Site,
    string ContentRoot, string OutputFolder)
{
    /// <summary>The request, or null and the reason (one sentence naming the allowed values).</summary>
    public static string? TryCreate(
        IReadOnlyList<string> ids, bool all, string? format, string? variant, string? size, string? paper, string? publicBaseUrl,
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
        var chosenFormat = format?.ToLowerInvariant() ?? RenderFormats.Pdf;
        if (!RenderFormats.All.Contains(chosenFormat))
        {
            return $"--format must be one of {string.Join(", ", RenderFormats.All)}, not '{format}'.";
        }
        if (chosenFormat != RenderFormats.Pdf && (size is not null || paper is not null))
        {
            return $"--size and --paper choose a print; an {chosenFormat} file takes neither.";
        }
        // The same words as the HTTP route's, with the options named as they are typed here.
        if (!LeafletVariants.TryParse(variant, "--" + LeafletVariants.Parameter, absent: null, out var chosen, out var error)
            || !PrintChoice.TryParse(size, paper, name => "--" + name, out var print, out error))
        {
            return error;
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
        request = new PrintRunRequest(ids, all, chosenFormat, chosen, print, site, contentRoot, output);
        return null;
    }
}

/// <summary>The formats <c>leaflets render --format</c> writes, by the name typed (their file extensions).</summary>
internal static class RenderFormats
{
    public const string Pdf = "pdf";

    public const string Epub = Content.Rendering.Epub.EpubRequest.Extension;

    public static readonly IReadOnlyList<string> All = [Pdf, Epub];
}
