using System.Collections.Immutable;
using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering.Pdf;

public enum PaperSize
{
    A4,
    A5,
    Letter,
}

/// <summary>
/// How a leaflet is printed: body text size in points, paper, the public address of the online
/// version (when set, the last page carries a QR code to it), and the leaflet's review status on the day
/// it is printed (overdue or due soon is stated under the title). The status is an input, not read from a
/// clock, so the same leaflet prints the same bytes on every day that its status stays the same.
/// </summary>
public sealed record PdfRenderOptions(
    int BodySize = PdfRenderOptions.DefaultBodySize,
    PaperSize Paper = PaperSize.A4,
    string? PublicUrl = null,
    ReviewStatus ReviewStatus = ReviewStatus.Current)
{
    public const int DefaultBodySize = 18;

    /// <summary>The body sizes on offer: all are large print (16 pt or more).</summary>
    public static readonly ImmutableArray<int> AllowedSizes = [16, 18, 20, 24];

    public static readonly ImmutableArray<PaperSize> AllowedPapers = [PaperSize.A4, PaperSize.A5, PaperSize.Letter];

    public static bool IsAllowedSize(int size) => AllowedSizes.Contains(size);

    /// <summary>
    /// Every option in the order it shapes the bytes, as the cache keys and the PDF's /ID see them (through
    /// <see cref="PdfRequest"/>). A dimension added later (a language, a strings version) is added to the record, to
    /// <see cref="Validate"/> and here, as <c>|name=value</c> only when it differs from its default: that keeps every
    /// existing key, and so the /ID and the bytes of every existing PDF, as they were.
    /// </summary>
    public string Key
    {
        get
        {
            var key = $"{BodySize}|{PaperSlug}|{PublicUrl}";
            return ReviewStatus == ReviewStatus.Current ? key : $"{key}|review={ReviewStatus.Slug()}";
        }
    }

    /// <summary>The lowercase name used in file names and cache keys: "a4", "a5", "letter".</summary>
    public string PaperSlug => Paper.ToString().ToLowerInvariant();

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad value, for callers that skipped the Try* helpers.</summary>
    public void Validate()
    {
        if (!IsAllowedSize(BodySize))
        {
            throw new ArgumentException($"Body size {BodySize} pt is not offered; use one of {string.Join(", ", AllowedSizes)}.", nameof(BodySize));
        }
        if (!AllowedPapers.Contains(Paper))
        {
            throw new ArgumentException($"Paper '{Paper}' is not offered; use A4, A5 or Letter.", nameof(Paper));
        }
        if (PublicUrl is not null && !Uri.TryCreate(PublicUrl, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"The public address '{PublicUrl}' is not an absolute URL.", nameof(PublicUrl));
        }
        if (!Enum.IsDefined(ReviewStatus))
        {
            throw new ArgumentException($"Review status {(int)ReviewStatus} is not one of current, due-soon or overdue.", nameof(ReviewStatus));
        }
    }
}
