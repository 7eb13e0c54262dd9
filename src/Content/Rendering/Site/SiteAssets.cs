using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using Leaflets.Content.Rendering.Pdf.Fonts;

namespace Leaflets.Content.Rendering.Site;

/// <summary>One static file of the site, as it is served at <c>/assets/{Name}</c>.</summary>
public sealed record SiteAsset(string Name, ImmutableArray<byte> Bytes, string ContentType)
{
    /// <summary>The entity tag's opaque value: the file never changes within a build, so its bytes are the only input.</summary>
    public string Version { get; } = RepresentationVersions.SiteAsset(Bytes.AsSpan(), ContentType);

    /// <summary>The content type without parameters, as an Accept header names it.</summary>
    public string MediaType => ContentType.Split(';')[0];

    public ReadOnlyMemory<byte> Body => ImmutableCollectionsMarshal.AsArray(Bytes) ?? [];
}

/// <summary>
/// Every static file the site serves at <c>/assets/{file}</c>, by its exact name: the webfont (the same embedded
/// Atkinson Hyperlegible files the PDF draws with, read through <see cref="LeafletFonts"/>), the @font-face
/// stylesheet that loads it, the font's licence (the OFL asks that it travel with the fonts), and the site's
/// stylesheet. A name is only ever a key into this list, never part of a path, so no request can read a file.
/// </summary>
public static class SiteAssets
{
    /// <summary>The path segment the files are served under, below the site root (the route and every link use it).</summary>
    public const string Folder = "assets";

    public const string FontsStyleSheet = "fonts.css";

    public const string RegularFont = "atkinson-hyperlegible-regular.ttf";

    public const string BoldFont = "atkinson-hyperlegible-bold.ttf";

    public const string FontLicence = "LICENSE_FONT";

    public const string CssContentType = "text/css; charset=utf-8";

    public const string FontContentType = "font/ttf";

    public const string TextContentType = "text/plain; charset=utf-8";

    private static readonly FrozenDictionary<string, SiteAsset> Files = new SiteAsset[]
    {
        Font(RegularFont, bold: false),
        Font(BoldFont, bold: true),
        Text(FontsStyleSheet, FontFaces, CssContentType),
        Text(FontLicence, LeafletFonts.PrimaryLicence, TextContentType),
        Text(SiteStyles.FileName, SiteStyles.Css, CssContentType),
    }.ToFrozenDictionary(asset => asset.Name, StringComparer.Ordinal);

    /// <summary>Every file, in name order.</summary>
    public static IEnumerable<SiteAsset> All => Files.Values.OrderBy(asset => asset.Name, StringComparer.Ordinal);

    /// <summary>The file called exactly <paramref name="name"/> (case and all), if the site serves one.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SiteAsset? asset)
        => Files.TryGetValue(name, out asset);

    /// <summary>
    /// The @font-face rules for the webfont. The urls are relative to this file, so the fonts load from wherever it
    /// was loaded (any site root, behind any proxy). <c>swap</c>: the reader sees the text at once in the fallback
    /// font rather than waiting for the download.
    /// </summary>
    private static string FontFaces => $$"""
        @font-face {
          font-family: "{{LeafletFonts.PrimaryFamily}}";
          font-style: normal;
          font-weight: 400;
          font-display: swap;
          src: url("{{RegularFont}}") format("truetype");
        }
        @font-face {
          font-family: "{{LeafletFonts.PrimaryFamily}}";
          font-style: normal;
          font-weight: 700;
          font-display: swap;
          src: url("{{BoldFont}}") format("truetype");
        }

        """;

    /// <summary>The very bytes the PDF embeds, shared rather than copied: nothing writes to them.</summary>
    private static SiteAsset Font(string name, bool bold)
        => new(name, ImmutableCollectionsMarshal.AsImmutableArray(LeafletFonts.Primary(bold).Bytes), FontContentType);

    private static SiteAsset Text(string name, string text, string contentType) => new(name, [.. Encoding.UTF8.GetBytes(text)], contentType);
}
