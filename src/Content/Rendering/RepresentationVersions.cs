using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Json;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering;

/// <summary>
/// The one place that says which inputs shape the bytes of each representation of a leaflet, and the version (the
/// HTTP entity tag's opaque value) derived from them: if any input changes the version changes, and nothing else
/// changes it. Rendering is deterministic, so a version is known without rendering. The PDF's inputs are decided by
/// <see cref="Pdf.PdfRequest"/>. 128 bits of SHA-256 are plenty to tell versions apart.
/// </summary>
public static class RepresentationVersions
{
    /// <summary>Names the HTML page's markup; bump it when the page changes (the golden tests show when). 5: a leaflet heading no longer takes the footer's ids.</summary>
    public const string HtmlRepresentation = "text/html;leaflet=5";

    /// <summary>Names the JSON-LD description's fields; bump it when they change.</summary>
    public const string JsonLdRepresentation = "application/ld+json;leaflet=3";

    /// <summary>Names the braille layout (<see cref="Braille.BrailleLayout"/>); bump it when the layout changes.</summary>
    public const string BrailleRepresentation = "text/plain;braille=1";

    /// <summary>Names the website's leaflet page's markup, words and frame; bump it when any of them changes.</summary>
    public const string SiteLeafletRepresentation = "text/html;site-leaflet=4";

    /// <summary>
    /// The website's leaflet page shows one language of the variant with its review status, every variant and
    /// language the leaflet has (its version and language switches, its alternates and print form: their titles come
    /// from their documents), links that depend on where it is served (<see cref="SiteUrls.Key"/>, its QR code
    /// included), and the words of the strings tables: the language shown's (which holds English's it falls back to)
    /// and each other language's own name for itself.
    /// </summary>
    public static string SiteLeaflet(Leaflet leaflet, LeafletVariant variant, ReviewStatus status, SiteUrls urls, string? language = null,
        StringsLibrary? strings = null)
    {
        strings ??= StringsLibrary.Embedded;
        var document = leaflet.Document(variant, language ?? leaflet.MainLanguage);
        var shown = document.Metadata.Language;
        return Derive([
            SiteLeafletRepresentation, variant.Slug(), shown, status.Slug(), urls.Key,
            .. leaflet.Languages.Prepend(shown).Select(tag => strings.For(tag).Version).Distinct(StringComparer.Ordinal),
            .. leaflet.AllDocuments.Select(each => each.ContentHash),
            .. TranslationNotice.StringsVersions(document.Metadata, strings)]);
    }

    /// <summary>
    /// The JSON shows the review status (it changes with the date), when the content last changed, absolute links,
    /// and which variants and languages the leaflet has (<see cref="Leaflet.Editions"/>).
    /// </summary>
    public static string Json(Leaflet leaflet, LeafletDocument document, ReviewStatus status, ApiUrls urls)
        => Derive(document.ContentHash, document.Variant.Slug(), LeafletJson.Representation, status.Slug(), urls.BaseUrl, leaflet.Editions, Modified(document));

    /// <summary>
    /// The page shows the review status and absolute links, like the JSON, the words of the strings table (and an
    /// unreviewed translation's notice those of its main language's), and a variant switch that depends on the other
    /// variants in its language.
    /// </summary>
    public static string Html(Leaflet leaflet, LeafletDocument document, ReviewStatus status, ApiUrls urls, StringsLibrary? strings = null)
        => Derive([document.ContentHash, document.Variant.Slug(), HtmlRepresentation, status.Slug(), urls.BaseUrl,
            (strings ?? StringsLibrary.Embedded).For(document.Metadata.Language).Version, leaflet.Editions,
            .. TranslationNotice.StringsVersions(document.Metadata, strings ?? StringsLibrary.Embedded)]);

    /// <summary>
    /// The description has no review status, only the page's absolute address and those of its other languages, and
    /// when the content last changed.
    /// </summary>
    public static string JsonLd(Leaflet leaflet, LeafletDocument document, ApiUrls urls)
        => Derive(document.ContentHash, document.Variant.Slug(), JsonLdRepresentation, urls.BaseUrl, leaflet.Editions, Modified(document));

    /// <summary>
    /// The braille shows the content, the grade and page size, the table that translates it and liblouis's release
    /// (a new release may translate differently), and the words of the strings table. No review status: the file
    /// carries the review dates, not the status on the day.
    /// </summary>
    public static string Braille(LeafletDocument document, Braille.BrailleChoice choice, Braille.BrailleTable table, ReaderStrings words)
        => Derive(document.ContentHash, document.Variant.Slug(), BrailleRepresentation, choice.Key, table.TableList,
            Rendering.Braille.BrailleTranslator.Shared.LibraryVersion() ?? "no-liblouis", words.Version);

    /// <summary>
    /// The same bytes can be dated differently (written again unchanged, or changed and changed back), so a body that
    /// shows <see cref="LeafletDocument.DateModified"/> has it among its inputs.
    /// </summary>
    private static string Modified(LeafletDocument document) => document.DateModified.UtcTicks.ToString(CultureInfo.InvariantCulture);

    /// <summary>Names the EPUB's package, documents and metadata; bump it when any of them changes.</summary>
    public const string EpubRepresentation = "application/epub+zip;leaflet=1";

    /// <summary>
    /// The EPUB shows the review status, when the content last changed (its <c>dcterms:modified</c>), the words of the
    /// strings table (and an unreviewed translation's notice those of its main language's), and the webfont it carries.
    /// It has no links to other representations, so neither the site's address nor the other editions shape it.
    /// </summary>
    public static string Epub(LeafletDocument document, ReviewStatus status, StringsLibrary strings)
        => Derive([document.ContentHash, document.Variant.Slug(), EpubRepresentation, status.Slug(), Modified(document),
            strings.For(document.Metadata.Language).Version, .. TranslationNotice.StringsVersions(document.Metadata, strings),
            .. Rendering.Epub.LeafletEpubRenderer.FontVersions]);

    /// <summary>Names the spoken script's SSML (<see cref="Audio.SpeechScriptBuilder"/>); bump it when what is said or its markup changes.</summary>
    public const string SsmlRepresentation = "application/ssml+xml;leaflet=1";

    /// <summary>
    /// The spoken script says the content, the version and review dates (not the status on the day, like braille), the
    /// words of the strings table, and an unreviewed translation's notice in its main language's words too. It has no
    /// links, so neither the site's address nor the other editions shape it.
    /// </summary>
    public static string Ssml(LeafletDocument document, StringsLibrary strings)
        => Derive([document.ContentHash, document.Variant.Slug(), SsmlRepresentation,
            strings.For(document.Metadata.Language).Version, .. TranslationNotice.StringsVersions(document.Metadata, strings)]);

    /// <summary>An image is served as it was loaded.</summary>
    public static string Image(LeafletImage image)
        => Derive(Convert.ToHexStringLower(SHA256.HashData(image.Bytes.AsSpan())), "image", image.ContentType);

    /// <summary>A static file of the site (<see cref="Site.SiteAssets"/>) is served as it was built.</summary>
    public static string SiteAsset(ReadOnlySpan<byte> bytes, string mediaType)
        => Derive(Convert.ToHexStringLower(SHA256.HashData(bytes)), "asset", mediaType);

    /// <summary>For a body that mixes many leaflets (a page of the list), where the bytes themselves are the input.</summary>
    public static string OfBytes(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>
    /// A version over every part that shapes the bytes, in order: the parts' UTF-8 joined by line feeds. Encoded into one
    /// buffer rather than joined into a string first: a kept answer derives its version on every request, and the joined
    /// string was a third of what one allocated (bench/README, "A kept answer's allocations").
    /// </summary>
    public static string Derive(params ReadOnlySpan<string> parts)
    {
        var length = Math.Max(0, parts.Length - 1);
        foreach (var part in parts)
        {
            length += Encoding.UTF8.GetByteCount(part);
        }
        var rented = length > StackBytes ? ArrayPool<byte>.Shared.Rent(length) : null;
        var joined = rented is null ? stackalloc byte[StackBytes] : rented;
        var at = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                joined[at++] = (byte)'\n';
            }
            at += Encoding.UTF8.GetBytes(parts[i], joined[at..]);
        }
        var version = OfBytes(joined[..at]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
        return version;
    }

    /// <summary>Bytes of parts encoded on the stack; longer ones (a leaflet of many editions) in a pooled buffer.</summary>
    private const int StackBytes = 1024;
}
