namespace Leaflets.Content.Readability;

/// <summary>
/// Which formula gives a reading age for which language. The only one so far is Flesch-Kincaid, for English
/// (<c>en</c> and <c>en-*</c>): our syllable counter and its grade are English through and through. Other
/// languages get no reading age until a formula made for that language, with a syllable counter good enough
/// for it, is added here.
/// </summary>
public static class ReadabilityFormulas
{
    public const string FleschKincaid = "flesch-kincaid";

    /// <summary>The formula for a BCP 47 language tag, or null when we have none for that language.</summary>
    public static string? For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return IsEnglish(language) ? FleschKincaid : null;
    }

    private static bool IsEnglish(string language)
        => language.Equals("en", StringComparison.OrdinalIgnoreCase)
            || language.StartsWith("en-", StringComparison.OrdinalIgnoreCase);
}
