using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Rendering.Json;
using Leaflets.Content.Rendering.Site;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Epub;

/// <summary>
/// Renders one leaflet document as an EPUB 3 (EPUB Accessibility 1.1, WCAG 2.2 AA): the same accessible markup as the
/// HTML page (<see cref="LeafletHtmlRenderer.WriteText"/> and the "About this leaflet" footer) as one XHTML content
/// document, a navigation document made from that document's own headings, the pictures it shows with their alternative
/// text, the site's webfont with its licence, and a package document with schema.org accessibility metadata. Identical
/// inputs give identical bytes: fixed entry times, entries in a fixed order, <c>mimetype</c> first and stored.
/// See <c>README.md</c> beside this file for why each decision.
/// </summary>
public static class LeafletEpubRenderer
{
    /// <summary>The declared conformance (EPUB Accessibility 1.1 §2.1), exactly as the specification spells it.</summary>
    public const string ConformsTo = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA";

    internal const string ContentFolder = "EPUB";

    internal const string PackagePath = ContentFolder + "/package.opf";

    internal const string LeafletDocument = "leaflet.xhtml";

    internal const string NavigationDocument = "nav.xhtml";

    internal const string StyleSheet = "leaflet.css";

    private const string FontsFolder = "fonts";

    private const string ImagesFolder = "images";

    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    /// <summary>Zip (DOS) times start in 1980; every entry gets this one, so the bytes never depend on when they were made.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The webfont files the EPUB carries, exactly as the site serves them (the OFL asks that the licence travel with them).</summary>
    private static readonly SiteAsset[] FontFiles =
    [
        Asset(SiteAssets.FontsStyleSheet), Asset(SiteAssets.RegularFont), Asset(SiteAssets.BoldFont), Asset(SiteAssets.FontLicence),
    ];

    /// <summary>The versions of the font files, which shape the EPUB's bytes (<see cref="RepresentationVersions.Epub"/>).</summary>
    public static IEnumerable<string> FontVersions => FontFiles.Select(file => file.Version);

    public static byte[] Render(EpubRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = request.Document;
        var language = document.Metadata.Language;
        var content = ContentDocument(request);
        var images = Images(request).ToList();
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            // OCF 3.3 §4.2.3: the first entry, uncompressed, no extra field, so a reader can sniff the type at offset 38.
            Add(zip, "mimetype", Encoding.ASCII.GetBytes(EpubRequest.MediaType), CompressionLevel.NoCompression);
            Add(zip, "META-INF/container.xml", Utf8(ContainerXml));
            Add(zip, PackagePath, Utf8(PackageDocument(request, images)));
            Add(zip, $"{ContentFolder}/{NavigationDocument}", Utf8(Navigation(content, language, request)));
            Add(zip, $"{ContentFolder}/{LeafletDocument}", Utf8(content));
            Add(zip, $"{ContentFolder}/{StyleSheet}", Utf8(HtmlStyles.Css + "\n"));
            foreach (var font in FontFiles)
            {
                Add(zip, $"{ContentFolder}/{FontsFolder}/{font.Name}", font.Bytes.AsSpan());
            }
            foreach (var image in images)
            {
                Add(zip, $"{ContentFolder}/{ImagesFolder}/{image.FileName}", image.Bytes.AsSpan());
            }
        }
        return stream.ToArray();
    }

    private const string ContainerXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles>
            <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>

        """;

    /// <summary>The pictures the document shows, each once, in file-name order (the leaflet may hold others it does not use).</summary>
    private static IEnumerable<LeafletImage> Images(EpubRequest request)
        => BlockJsonMapper.Figures(request.Document.Blocks)
            .Select(figure => figure.FileName)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => request.Leaflet.Images.TryGetValue(name, out var image)
                ? image
                : throw new InvalidOperationException($"Leaflet '{request.Leaflet.Id}' shows the picture '{name}' but has no such image."));

    /// <summary>
    /// What a reader reads, as on the HTML page: the title, summary, notices and blocks, then "About this leaflet". The
    /// page's variant switch is left out: it links to another address of the website, and an EPUB is read offline.
    /// </summary>
    private static string ContentDocument(EpubRequest request)
    {
        var document = request.Document;
        var metadata = document.Metadata;
        var html = XhtmlStart(metadata.Language, LeafletHtmlRenderer.PageTitle(metadata, document.Variant, request.Strings),
            $"{FontsFolder}/{SiteAssets.FontsStyleSheet}", StyleSheet);
        html.Open("body").Line();
        html.Open("main").Line();
        LeafletHtmlRenderer.WriteText(html, request.Leaflet, document, new LeafletLinks(ImagesFolder, ""), request.Status, request.Strings);
        html.Close("main").Line();
        HtmlAboutSection.Write(html, metadata, request.Status, request.Strings);
        html.Close("body").Line();
        html.Close("html").Line();
        return html.ToString();
    }

    /// <summary>
    /// The navigation document lists every heading of the content document, nested by level, in reading order. It is
    /// read from the content document itself rather than from the blocks, so no heading the page writes (the title,
    /// "About this leaflet", "References") can be missed.
    /// </summary>
    private static string Navigation(string content, string language, EpubRequest request)
    {
        var strings = request.Strings.For(language);
        var headings = XDocument.Parse(content).Descendants()
            .Where(element => element.Name.NamespaceName == XhtmlNamespace && HeadingLevel(element.Name.LocalName) > 0)
            .Select(element => new NavEntry(
                HeadingLevel(element.Name.LocalName),
                string.Join(' ', element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
                element.Attribute("id")?.Value is { } id ? $"{LeafletDocument}#{id}" : LeafletDocument,
                element.Attribute("lang")?.Value))
            .ToList();
        var html = XhtmlStart(language, strings.Epub.Contents, null, StyleSheet);
        html.Open("body").Line();
        html.Open("nav", ("epub:type", "toc"), ("role", "doc-toc"), ("id", "toc"), ("aria-labelledby", "toc-heading")).Line();
        html.Element("h1", strings.Epub.Contents, ("id", "toc-heading"), ("lang", strings.LanguageInside(s => s.Epub.Contents, language))).Line();
        var index = 0;
        WriteEntries(html, headings, ref index, 0);
        html.Close("nav").Line();
        // Landmarks may only point into the spine, which the navigation document is not part of.
        html.Open("nav", ("epub:type", "landmarks"), ("id", "landmarks"), ("hidden", "hidden")).Line();
        html.Element("h2", strings.Epub.Landmarks, ("lang", strings.LanguageInside(s => s.Epub.Landmarks, language))).Line();
        html.Open("ol").Line();
        html.Open("li").Element("a", LeafletHtmlRenderer.PageTitle(request.Document.Metadata, request.Document.Variant, request.Strings),
            ("epub:type", "bodymatter"), ("href", LeafletDocument)).Close("li").Line();
        html.Close("ol").Line();
        html.Close("nav").Line();
        html.Close("body").Line();
        html.Close("html").Line();
        return html.ToString();
    }

    private sealed record NavEntry(int Level, string Text, string Href, string? Language);

    /// <summary>Writes the entries from <paramref name="index"/> while they are deeper than <paramref name="parentLevel"/>, as one list.</summary>
    private static void WriteEntries(HtmlWriter html, List<NavEntry> entries, ref int index, int parentLevel)
    {
        html.Open("ol").Line();
        while (index < entries.Count && entries[index].Level > parentLevel)
        {
            var entry = entries[index++];
            html.Open("li").Element("a", entry.Text, ("href", entry.Href), ("lang", entry.Language));
            if (index < entries.Count && entries[index].Level > entry.Level)
            {
                html.Line();
                WriteEntries(html, entries, ref index, entry.Level);
            }
            html.Close("li").Line();
        }
        html.Close("ol").Line();
    }

    private static int HeadingLevel(string name)
        => name is ['h', >= '1' and <= '6'] ? name[1] - '0' : 0;

    /// <summary>An XHTML document up to the end of its head, in <paramref name="language"/> (both <c>lang</c> and <c>xml:lang</c>).</summary>
    private static HtmlWriter XhtmlStart(string language, string title, params string?[] styleSheets)
    {
        var html = new HtmlWriter();
        html.Raw("""<?xml version="1.0" encoding="UTF-8"?>""").Line();
        html.Raw("<!DOCTYPE html>").Line();
        html.Open("html", ("xmlns", XhtmlNamespace), ("xmlns:epub", "http://www.idpf.org/2007/ops"), ("lang", language), ("xml:lang", language)).Line();
        html.Open("head").Line();
        html.Void("meta", ("charset", "utf-8")).Line();
        html.Element("title", title).Line();
        foreach (var sheet in styleSheets.OfType<string>())
        {
            html.Void("link", ("rel", "stylesheet"), ("type", "text/css"), ("href", sheet)).Line();
        }
        html.Close("head").Line();
        return html;
    }

    private static string PackageDocument(EpubRequest request, IReadOnlyList<LeafletImage> images)
    {
        var document = request.Document;
        var metadata = document.Metadata;
        var language = metadata.Language;
        var strings = request.Strings.For(language);
        var opf = new HtmlWriter();
        opf.Raw("""<?xml version="1.0" encoding="UTF-8"?>""").Line();
        opf.Open("package", ("xmlns", "http://www.idpf.org/2007/opf"), ("version", "3.0"), ("unique-identifier", "uid"), ("xml:lang", language)).Line();
        opf.Open("metadata", ("xmlns:dc", "http://purl.org/dc/elements/1.1/")).Line();
        opf.Element("dc:identifier", request.Identifier, ("id", "uid")).Line();
        opf.Element("dc:title", LeafletHtmlRenderer.PageTitle(metadata, document.Variant, request.Strings)).Line();
        opf.Element("dc:language", language).Line();
        opf.Element("dc:description", metadata.Summary).Line();
        foreach (var topic in metadata.Topics)
        {
            opf.Element("dc:subject", topic).Line();
        }
        opf.Element("meta", document.DateModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ("property", "dcterms:modified")).Line();
        // EPUB Accessibility 1.1 §2 and the schema.org accessibility properties (W3C's EPUB Accessibility Techniques §2).
        Meta(opf, "schema:accessMode", "textual");
        if (images.Count > 0)
        {
            Meta(opf, "schema:accessMode", "visual");
        }
        // Every picture that carries meaning has alternative text (the loader refuses one without), so text alone suffices.
        Meta(opf, "schema:accessModeSufficient", "textual");
        foreach (var feature in AccessibilityFeatures(images.Count > 0))
        {
            Meta(opf, "schema:accessibilityFeature", feature);
        }
        Meta(opf, "schema:accessibilityHazard", "none");
        opf.Element("meta", strings.Epub.AccessibilitySummary, ("property", "schema:accessibilitySummary"),
            ("xml:lang", strings.LanguageInside(s => s.Epub.AccessibilitySummary, language))).Line();
        // Claimed, not certified: no a11y:certifiedBy, since no third party has evaluated it.
        Meta(opf, "dcterms:conformsTo", ConformsTo);
        opf.Close("metadata").Line();

        opf.Open("manifest").Line();
        opf.Void("item", ("id", "nav"), ("href", NavigationDocument), ("media-type", "application/xhtml+xml"), ("properties", "nav")).Line();
        opf.Void("item", ("id", "leaflet"), ("href", LeafletDocument), ("media-type", "application/xhtml+xml")).Line();
        opf.Void("item", ("id", "css"), ("href", StyleSheet), ("media-type", "text/css")).Line();
        foreach (var font in FontFiles)
        {
            opf.Void("item", ("id", "font-" + font.Name.ToLowerInvariant().Replace('_', '-')), ("href", $"{FontsFolder}/{font.Name}"),
                ("media-type", font.MediaType)).Line();
        }
        foreach (var image in images)
        {
            opf.Void("item", ("id", "image-" + image.FileName), ("href", $"{ImagesFolder}/{Uri.EscapeDataString(image.FileName)}"),
                ("media-type", image.ContentType)).Line();
        }
        opf.Close("manifest").Line();
        opf.Open("spine").Line();
        opf.Void("itemref", ("idref", "leaflet")).Line();
        opf.Close("spine").Line();
        opf.Close("package").Line();
        return opf.ToString();
    }

    /// <summary>
    /// What the EPUB offers a reader who needs it (the schema.org vocabulary): headings to move by and a table of
    /// contents from them, one reading order (the picture before its words, as seen), text the reader's own settings
    /// can restyle, table headers, and alternative text when there are pictures.
    /// </summary>
    private static IEnumerable<string> AccessibilityFeatures(bool hasImages)
    {
        if (hasImages)
        {
            yield return "alternativeText";
        }
        yield return "displayTransformability";
        yield return "readingOrder";
        yield return "structuralNavigation";
        yield return "tableOfContents";
    }

    private static void Meta(HtmlWriter opf, string property, string value) => opf.Element("meta", value, ("property", property)).Line();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static SiteAsset Asset(string name)
        => SiteAssets.TryGet(name, out var asset) ? asset : throw new InvalidOperationException($"The site serves no asset '{name}'.");

    private static void Add(ZipArchive zip, string name, ReadOnlySpan<byte> bytes, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(bytes);
    }
}
