using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;

namespace Leaflets.Benchmarks.Chromium;

/// <summary>
/// Our HTML rendering of one leaflet variant written to a temporary folder with its images beside it,
/// linked by file:// URLs, so Chromium loads and prints every figure from disk.
/// </summary>
internal sealed class ChromiumPage : IDisposable
{
    private readonly string folder;

    private ChromiumPage(string folder, Uri url, int figureCount)
    {
        this.folder = folder;
        Url = url;
        FigureCount = figureCount;
    }

    public Uri Url { get; }

    /// <summary>How many &lt;img&gt; elements the page has; the printed PDF must carry at least as many images.</summary>
    public int FigureCount { get; }

    public static ChromiumPage Write(Leaflet leaflet, LeafletVariant variant)
    {
        var folder = Directory.CreateTempSubdirectory("leaflets-bench-page-").FullName;
        var images = Directory.CreateDirectory(Path.Combine(folder, "images")).FullName;
        foreach (var image in leaflet.Images.Values)
        {
            File.WriteAllBytes(Path.Combine(images, image.FileName), image.Bytes.AsSpan());
        }
        var links = new LeafletLinks(new Uri(images + "/").AbsoluteUri, "?variant=" + LeafletLinks.VariantPlaceholder);
        var html = LeafletHtmlRenderer.Render(leaflet, variant, links, leaflet.Variants[variant].Metadata.LastReviewed);
        var file = Path.Combine(folder, $"{leaflet.Id}-{variant.Slug()}.html");
        File.WriteAllText(file, html);
        var figures = CountOccurrences(html, "<img ");
        if (figures == 0 && leaflet.Variants[variant].Blocks.Length > 0 && leaflet.Images.Count > 0)
        {
            throw new InvalidOperationException($"The HTML of {leaflet.Id}/{variant.Slug()} has no <img>; the baseline would print no figures.");
        }
        return new ChromiumPage(folder, new Uri(file), figures);
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp area; harmless.
        }
    }
}
