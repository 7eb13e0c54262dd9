using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering.Html;

/// <summary>
/// Where a rendered page points to. Content knows no HTTP, so the caller (the API, the CLI) says how
/// image and variant URLs look. <see cref="ImageBaseUrl"/> is joined with the escaped image file name
/// (for example "/api/leaflets/cementoplasty/images" gives "/api/leaflets/cementoplasty/images/spine.png");
/// <see cref="VariantUrlTemplate"/> has "{variant}" replaced by the variant slug ("plain", "easy-read").
/// </summary>
public sealed record LeafletLinks(string ImageBaseUrl, string VariantUrlTemplate)
{
    public const string VariantPlaceholder = "{variant}";

    /// <summary>
    /// The absolute address of the webfont's stylesheet (<c>/assets/fonts.css</c>), linked from the page's head; null
    /// for none. The embedded stylesheet still names the family first, so a page saved without it falls back to
    /// Verdana or Arial and keeps its layout.
    /// </summary>
    public string? FontsStyleSheet { get; init; }

    /// <summary>Relative links that work for a page saved beside its images/ folder (and no webfont).</summary>
    public static LeafletLinks Relative { get; } = new("images", "?variant={variant}");

    public string ImageUrl(string fileName) => ImageBaseUrl.TrimEnd('/') + "/" + Uri.EscapeDataString(fileName);

    public string VariantUrl(LeafletVariant variant) => VariantUrlTemplate.Replace(VariantPlaceholder, variant.Slug(), StringComparison.Ordinal);
}
