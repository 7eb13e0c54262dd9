namespace Leaflets.Content.Model;

/// <summary>
/// Whether a translation has been checked by a clinician who reads its language. A main-language file is always
/// <see cref="Reviewed"/>: its review is the leaflet's own (lastReviewed, nextReview).
/// </summary>
public enum TranslationStatus
{
    Reviewed,
    Unreviewed,
}

public static class TranslationStatuses
{
    /// <summary>The front matter key a translation states its status with.</summary>
    public const string Key = "translationStatus";

    /// <summary>The name in front matter: "reviewed" or "unreviewed".</summary>
    public static string Slug(this TranslationStatus status) => status switch
    {
        TranslationStatus.Reviewed => "reviewed",
        TranslationStatus.Unreviewed => "unreviewed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? slug, out TranslationStatus status)
    {
        foreach (var candidate in Enum.GetValues<TranslationStatus>())
        {
            if (string.Equals(candidate.Slug(), slug, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }
}
