using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Leaflets.Content.Rendering.Epub;

namespace Leaflets.Content.Checking.Epub;

/// <summary>One thing an EPUB gets wrong: a stable rule id (<see cref="EpubStructureChecker"/>) and what is wrong.</summary>
public sealed record EpubFinding(string Rule, string Message)
{
    public override string ToString() => $"{Rule}: {Message}";
}

/// <summary>
/// Our own structural checks of an EPUB, cheap enough for the publish gate (EPUBCheck and Ace, which the tests run, are
/// a Java tool and a browser): the container (<c>mimetype</c> first and stored), every part well-formed XML, every
/// manifest item present, the language said everywhere, every picture with alternative text and in the manifest, the
/// navigation listing every heading of the content in order, and the accessibility metadata EPUB Accessibility 1.1 asks for.
/// Each rule id is documented in docs/content-rules.md.
/// </summary>
public static class EpubStructureChecker
{
    public const string ContainerRule = "epub-container";
    public const string XmlRule = "epub-xml";
    public const string ManifestRule = "epub-manifest";
    public const string LanguageRule = "epub-language";
    public const string ImagesRule = "epub-images";
    public const string NavigationRule = "epub-navigation";
    public const string MetadataRule = "epub-metadata";

    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    private static readonly XNamespace Ops = "http://www.idpf.org/2007/ops";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>The schema.org properties EPUB Accessibility 1.1 §2 expects, each at least once.</summary>
    private static readonly string[] AccessibilityProperties =
    [
        "schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature", "schema:accessibilityHazard",
        "schema:accessibilitySummary", "dcterms:conformsTo", "dcterms:modified",
    ];

    /// <param name="language">The language the document is written in (its front matter's).</param>
    public static IReadOnlyList<EpubFinding> Check(byte[] epub, string language)
    {
        ArgumentNullException.ThrowIfNull(epub);
        var findings = new List<EpubFinding>();
        if (!MimetypeComesFirstStored(epub))
        {
            findings.Add(new(ContainerRule, "the first entry is not 'mimetype', stored uncompressed, holding application/epub+zip."));
        }
        Dictionary<string, byte[]> entries;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(epub), ZipArchiveMode.Read);
            entries = zip.Entries.ToDictionary(entry => entry.FullName, Read, StringComparer.Ordinal);
        }
        catch (InvalidDataException error)
        {
            findings.Add(new(ContainerRule, $"not a readable zip: {error.Message}"));
            return findings;
        }
        var package = Parse(entries, LeafletEpubRenderer.PackagePath, findings);
        if (package is null)
        {
            return findings;
        }
        var manifest = package.Descendants(Opf + "item")
            .ToDictionary(item => (string?)item.Attribute("href") ?? "", item => item, StringComparer.Ordinal);
        foreach (var href in manifest.Keys.Where(href => !entries.ContainsKey(Path(Uri.UnescapeDataString(href)))))
        {
            findings.Add(new(ManifestRule, $"the manifest names '{href}', which the container does not hold."));
        }
        var content = Parse(entries, Path(LeafletEpubRenderer.LeafletDocument), findings);
        var navigation = Parse(entries, Path(LeafletEpubRenderer.NavigationDocument), findings);
        CheckLanguage(package, content, navigation, language, findings);
        CheckMetadata(package, findings);
        if (content is not null)
        {
            CheckImages(content, manifest, findings);
            if (navigation is not null)
            {
                CheckNavigation(content, navigation, findings);
            }
        }
        return findings;
    }

    private static bool MimetypeComesFirstStored(byte[] epub)
    {
        var name = "mimetype"u8;
        var type = Encoding.ASCII.GetBytes(EpubRequest.MediaType);
        return epub.Length >= 30 + name.Length + type.Length
            && BinaryPrimitives.ReadUInt32LittleEndian(epub) == 0x04034b50
            && BinaryPrimitives.ReadUInt16LittleEndian(epub.AsSpan(8)) == 0
            && BinaryPrimitives.ReadUInt16LittleEndian(epub.AsSpan(26)) == name.Length
            && BinaryPrimitives.ReadUInt16LittleEndian(epub.AsSpan(28)) == 0
            && epub.AsSpan(30, name.Length).SequenceEqual(name)
            && epub.AsSpan(30 + name.Length, type.Length).SequenceEqual(type);
    }

    private static void CheckLanguage(XDocument package, XDocument? content, XDocument? navigation, string language, List<EpubFinding> findings)
    {
        if (package.Descendants(Dc + "language").FirstOrDefault()?.Value != language)
        {
            findings.Add(new(LanguageRule, $"the package's dc:language is not '{language}'."));
        }
        foreach (var (name, document) in new[] { ("content", content), ("navigation", navigation) })
        {
            var root = document?.Root;
            if (root is not null && ((string?)root.Attribute("lang") != language || (string?)root.Attribute(XNamespace.Xml + "lang") != language))
            {
                findings.Add(new(LanguageRule, $"the {name} document does not say lang and xml:lang '{language}'."));
            }
        }
    }

    private static void CheckMetadata(XDocument package, List<EpubFinding> findings)
    {
        var properties = package.Descendants(Opf + "meta")
            .Where(meta => !string.IsNullOrWhiteSpace(meta.Value))
            .Select(meta => (string?)meta.Attribute("property"))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var missing in AccessibilityProperties.Where(property => !properties.Contains(property)))
        {
            findings.Add(new(MetadataRule, $"the package has no {missing}."));
        }
        var uid = (string?)package.Root?.Attribute("unique-identifier");
        if (!package.Descendants(Dc + "identifier").Any(id => (string?)id.Attribute("id") == uid && !string.IsNullOrWhiteSpace(id.Value)))
        {
            findings.Add(new(MetadataRule, "the package's unique-identifier names no dc:identifier."));
        }
    }

    private static void CheckImages(XDocument content, Dictionary<string, XElement> manifest, List<EpubFinding> findings)
    {
        foreach (var image in content.Descendants(Xhtml + "img"))
        {
            var src = (string?)image.Attribute("src") ?? "";
            if (image.Attribute("alt") is null)
            {
                findings.Add(new(ImagesRule, $"the picture '{src}' has no alt attribute."));
            }
            if (!manifest.ContainsKey(src))
            {
                findings.Add(new(ImagesRule, $"the picture '{src}' is not in the manifest."));
            }
        }
    }

    private static void CheckNavigation(XDocument content, XDocument navigation, List<EpubFinding> findings)
    {
        var toc = navigation.Descendants(Xhtml + "nav").FirstOrDefault(nav => (string?)nav.Attribute(Ops + "type") == "toc");
        if (toc is null)
        {
            findings.Add(new(NavigationRule, "the navigation document has no toc nav."));
            return;
        }
        var headings = content.Descendants().Where(e => e.Name.Namespace == Xhtml && e.Name.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            .Select(heading => (Words(heading), Target(heading))).ToList();
        var links = toc.Descendants(Xhtml + "a").Select(link => (Words(link), (string?)link.Attribute("href") ?? "")).ToList();
        if (!headings.SequenceEqual(links))
        {
            var missing = headings.Except(links).Select(heading => $"'{heading.Item1}'").FirstOrDefault() ?? "(order differs)";
            findings.Add(new(NavigationRule, $"the table of contents does not list every heading of the content in order: {missing}."));
        }

        static string Target(XElement heading)
            => (string?)heading.Attribute("id") is { } id ? $"{LeafletEpubRenderer.LeafletDocument}#{id}" : LeafletEpubRenderer.LeafletDocument;
    }

    private static string Words(XElement element) => string.Join(' ', element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Path(string href) => $"{LeafletEpubRenderer.ContentFolder}/{href}";

    private static XDocument? Parse(Dictionary<string, byte[]> entries, string name, List<EpubFinding> findings)
    {
        if (!entries.TryGetValue(name, out var bytes))
        {
            findings.Add(new(ContainerRule, $"the container has no {name}."));
            return null;
        }
        try
        {
            return XDocument.Parse(Encoding.UTF8.GetString(bytes));
        }
        catch (XmlException error)
        {
            findings.Add(new(XmlRule, $"{name} is not well-formed XML: {error.Message}"));
            return null;
        }
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
