using System.Collections.Immutable;

namespace Leaflets.Content.Model;

/// <summary>The front matter of one variant, validated.</summary>
public sealed record LeafletMetadata(
    string Title,
    string Summary,
    string Language,
    DateOnly LastReviewed,
    DateOnly NextReview,
    int Version,
    ImmutableArray<string> Topics,
    ImmutableArray<ClinicalCode> Codes,
    ImmutableArray<LeafletReference> References)
{
    /// <summary>
    /// Other words for what the leaflet is about, lay and clinical ("bone cement", "spine injection"), in the document's
    /// language: search finds the leaflet by them and weighs them as it weighs the title. A translation has its own.
    /// </summary>
    public ImmutableArray<string> Synonyms { get; init; } = [];

    /// <summary>Reviewed unless a translation's front matter says otherwise (see <see cref="TranslationStatuses.Key"/>).</summary>
    public TranslationStatus TranslationStatus { get; init; } = TranslationStatus.Reviewed;

    /// <summary>
    /// A translation: the language of the main-language file it translates (the leaflet's main language), which its
    /// unreviewed-translation notice is also written in. Null for a main-language file.
    /// </summary>
    public string? TranslatedFrom { get; init; }

    /// <summary>
    /// The language <see cref="References"/> are written in where it is not <see cref="Language"/>: the main language,
    /// for a translation that takes its main file's references. Null: the document's own language.
    /// </summary>
    public string? ReferencesLanguage { get; init; }
}

public sealed record ClinicalCode(string System, string Code, string? Display);

public sealed record LeafletReference(string Title, string Publisher, int Year, string? Url);
