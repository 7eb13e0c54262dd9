using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Pdf.Tests;

/// <summary>The leaflets in the repository's content/ folder, loaded once.</summary>
internal static class RealContent
{
    private static readonly Lazy<IReadOnlyList<Leaflet>> Loaded = new(Load);

    public static IReadOnlyList<Leaflet> Leaflets => Loaded.Value;

    /// <summary>
    /// Every variant of every real leaflet in every language it is written in: the main language first, then each
    /// translation (the Welsh cementoplasty), so what holds for a print holds for a translated one too.
    /// </summary>
    public static IEnumerable<(Leaflet Leaflet, LeafletDocument Document)> Documents
        => Leaflets.SelectMany(leaflet => leaflet.Languages.SelectMany(language => leaflet.Variants.Keys
            .Select(variant => leaflet.Find(variant, language))
            .OfType<LeafletDocument>()
            .Select(document => (leaflet, document))));

    public static TheoryData<string, LeafletVariant, string> VariantIds()
    {
        var data = new TheoryData<string, LeafletVariant, string>();
        foreach (var (leaflet, document) in Documents)
        {
            data.Add(leaflet.Id, document.Variant, document.Metadata.Language);
        }
        return data;
    }

    /// <summary>Every print of every real leaflet: each variant in each language at each size on each paper.</summary>
    public static TheoryData<string, LeafletVariant, string, int, PaperSize> EveryPrint()
    {
        var data = new TheoryData<string, LeafletVariant, string, int, PaperSize>();
        foreach (var (leaflet, document) in Documents)
        {
            foreach (var size in PdfRenderOptions.AllowedSizes)
            {
                foreach (var paper in PdfRenderOptions.AllowedPapers)
                {
                    data.Add(leaflet.Id, document.Variant, document.Metadata.Language, size, paper);
                }
            }
        }
        return data;
    }

    /// <summary>One print of a real leaflet's variant in a language, as <see cref="EveryPrint"/> names it.</summary>
    public static PdfRequest Print(string id, LeafletVariant variant, string language, PdfRenderOptions options)
    {
        var leaflet = Get(id);
        return new PdfRequest(leaflet.Id, leaflet.Document(variant, language), leaflet.Images, options);
    }

    public static Leaflet Get(string id) => Leaflets.Single(l => l.Id == id);

    /// <summary>Every block at any depth (in lists, callouts and picture rows), in reading order.</summary>
    public static IEnumerable<Block> Flatten(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            yield return block;
            var children = block switch
            {
                ListBlock l => l.Items.SelectMany(i => i.Blocks),
                CalloutBlock c => c.Blocks,
                PictureRowBlock r => r.Blocks,
                _ => [],
            };
            foreach (var child in Flatten(children))
            {
                yield return child;
            }
        }
    }

    private static IReadOnlyList<Leaflet> Load()
    {
        var source = new FileContentSource(Path.Combine(FindRoot(), "content"));
        var files = source.ReadAllAsync(CancellationToken.None).GetAwaiter().GetResult();
        var result = LeafletLoader.Load(source.DisplayRoot, files);
        if (result.HasErrors || result.Leaflets.Count == 0)
        {
            throw new InvalidOperationException("The repository content did not load: " + string.Join("; ", result.Problems));
        }
        return [.. result.Leaflets.Values];
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "content", "leaflets")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository's content/leaflets folder was not found above " + AppContext.BaseDirectory);
    }
}
