using System.Text.Json.Serialization;

namespace Leaflets.Content.Rendering.Json;

/// <summary>
/// The whole leaflet in one variant. Fields appear in this order in the JSON.
/// New optional sections are added as nullable properties after <see cref="Blocks"/>: nulls are not
/// written, so existing clients stay valid.
/// </summary>
internal sealed record LeafletJsonModel(
    string Id,
    string Variant,
    IReadOnlyList<string> Variants,
    string Title,
    string Summary,
    string Language,
    IReadOnlyList<string> Languages,
    int Version,
    string ContentHash,
    DateTime DateModified,
    DateOnly LastReviewed,
    DateOnly NextReview,
    string ReviewStatus,
    string TranslationStatus,
    IReadOnlyList<string> Topics,
    IReadOnlyList<CodeJson> Codes,
    IReadOnlyList<ReferenceJson> References,
    IReadOnlyList<BlockJson> Blocks,
    ReadabilityJson? Readability,
    LeafletLinksJson Links);

/// <summary>
/// How hard this variant is to read (see ReadabilityReport), in the language it was computed for: counts, and
/// formulas to one decimal place. Syllables and the formulas' figures are left out where they do not apply (the
/// Flesch figures for English, <see cref="ReadingEase"/> for Spanish, German and French); the formula and the
/// reading age are always written, as null when there is none, so a client never mistakes a missing reading age
/// for an old shape; <see cref="NoReadingAge"/> then says why.
/// </summary>
internal sealed record ReadabilityJson(
    string Language,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Formula,
    int Words,
    int Sentences,
    int? Syllables,
    double AverageSentenceWords,
    int LongestSentenceWords,
    double? ReadingEase,
    double? FleschReadingEase,
    double? FleschKincaidGrade,
    double? Smog,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? ReadingAge,
    NoReadingAgeJson? NoReadingAge);

/// <summary>Why there is no reading age: a stable reason code and words for people.</summary>
internal sealed record NoReadingAgeJson(string Reason, string Message);

internal sealed record CodeJson(string System, string Code, string? Display);

internal sealed record ReferenceJson(string Title, string Publisher, int Year, string? Url);

/// <summary>
/// Absolute URLs, in the shape every leaflet's links share (<see cref="ItemLinksJson"/>: this document and, for each
/// variant the leaflet has, its JSON, standalone HTML page, PDF, website page and EPUB), the braille, the spoken version
/// (audio) and the SSML it is made from of each variant, then each image this variant shows and
/// this variant in each language it is written in (this one included), keyed by language tag. Variants, pages and PDFs
/// are in this document's language where the leaflet has them in it, else in its main language.
/// </summary>
internal sealed record LeafletLinksJson(
    string Self,
    VariantLinksJson Variants,
    VariantLinksJson Html,
    VariantLinksJson Pdf,
    VariantLinksJson Braille,
    VariantLinksJson Site,
    VariantLinksJson Epub,
    VariantLinksJson Audio,
    VariantLinksJson Ssml,
    IReadOnlyDictionary<string, string> Images,
    IReadOnlyDictionary<string, TranslationLinksJson> Translations);

/// <summary>One variant in one language: its JSON and its PDF.</summary>
internal sealed record TranslationLinksJson(string Self, string Pdf);

internal sealed record VariantLinksJson(
    string Plain,
    [property: JsonPropertyName("easy-read")] string? EasyRead);

/// <summary>One page of the list or a search.</summary>
internal sealed record LeafletListJson(IReadOnlyList<LeafletListItemJson> Items, int Page, int PageSize, int Total, PageLinksJson Links);

/// <summary>
/// A leaflet in a list, described by its plain variant in its main language; <c>languages</c> are all it is written in.
/// In a search, <c>snippet</c> is the words around what matched (from any variant or language), absent in a plain list.
/// </summary>
internal sealed record LeafletListItemJson(
    string Id,
    string Title,
    string Summary,
    string? Snippet,
    string Language,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Variants,
    int Version,
    DateOnly LastReviewed,
    DateOnly NextReview,
    string ReviewStatus,
    ItemLinksJson Links);

/// <summary>
/// The links every leaflet carries, in a list and in its own JSON: itself, then each variant's JSON, standalone HTML page,
/// PDF (default print), page on the library website and EPUB.
/// </summary>
internal sealed record ItemLinksJson(
    string Self, VariantLinksJson Variants, VariantLinksJson Html, VariantLinksJson Pdf, VariantLinksJson Site, VariantLinksJson Epub);

internal sealed record PageLinksJson(string Self, string First, string Last, string? Prev, string? Next);

/// <summary>The manifest (<see cref="Sync.LeafletManifest"/>): the leaflets served, in id order.</summary>
internal sealed record ManifestJson(IReadOnlyList<ManifestLeafletJson> Leaflets);

/// <summary>
/// A leaflet: its languages (main first), when anything of it last changed (any variant, any language), and each variant in
/// its main language, as <c>GET /api/leaflets/{id}</c> serves it, with where each of its formats is.
/// </summary>
internal sealed record ManifestLeafletJson(string Id, IReadOnlyList<string> Languages, DateTime DateModified, IReadOnlyList<ManifestVariantJson> Variants);

/// <summary>What tells a partner whether its copy of a variant is current: the content hash, and when it changed.</summary>
internal sealed record ManifestVariantJson(
    string Variant,
    string Language,
    int Version,
    string ContentHash,
    DateOnly LastReviewed,
    DateOnly NextReview,
    DateTime DateModified,
    string Self,
    ManifestFormatsJson Formats);

/// <summary>
/// Where each format of a variant is served, in its main language: the standalone HTML page, the PDF (default print),
/// the braille (absent where its language has no braille table), the EPUB, the spoken version and its SSML. A partner
/// mirrors the formats it needs from here without knowing the routes.
/// </summary>
internal sealed record ManifestFormatsJson(string Html, string Pdf, string? Braille, string Epub, string Audio, string Ssml);

/// <summary>
/// What the service loaded and what it left out, so an editor or a monitor sees a broken file at once.
/// <c>loadedAt</c> is the last successful read of the source; <c>lastFailure</c> (absent once a read succeeds)
/// the failed attempt after it.
/// </summary>
internal sealed record HealthJson(
    string Status, DateTimeOffset LoadedAt, SourceFailureJson? LastFailure, HealthTotalsJson Totals, HealthLeafletsJson Leaflets);

/// <summary>
/// How many leaflets loaded, were rejected and are served from a last good version; and of those loaded, how many
/// passed, failed or await their check (<c>pending</c>: no result for their content yet), and how many are served from a
/// compiled snapshot without a gate result, which the instance does not check (<c>unchecked</c>).
/// </summary>
internal sealed record HealthTotalsJson(int Loaded, int Rejected, int ServingLastGood, int Passed, int Failed, int Pending, int Unchecked);

/// <summary>One page of /api/health/leaflets: every loaded leaflet with its check, <c>pageSize</c> at a time, in id order.</summary>
internal sealed record HealthLeafletsPageJson(int Page, int PageCount, int PageSize, int Total, IReadOnlyList<LoadedLeafletJson> Items);

/// <summary>A failed read of the content source: when it was attempted and the first line of its error.</summary>
internal sealed record SourceFailureJson(DateTimeOffset At, string Error);

/// <summary>
/// <c>failing</c>: the loaded leaflets whose check failed or that are a last good version; <c>rejected</c>: the leaflets
/// (or newest versions) left out.
/// </summary>
internal sealed record HealthLeafletsJson(IReadOnlyList<LoadedLeafletJson> Failing, IReadOnlyList<RejectedLeafletJson> Rejected);

/// <summary>
/// <c>languages</c> are the leaflet's language tags, its main language first; <c>servingLastGood</c> is true when this is
/// an older version kept on because the newest one failed validation.
/// </summary>
internal sealed record LoadedLeafletJson(string Id, IReadOnlyList<string> Variants, IReadOnlyList<string> Languages, bool ServingLastGood, LeafletCheckJson Check);

/// <summary>
/// The last load-time check of a leaflet: <c>pending</c>, <c>passed</c>, <c>failed</c> or <c>unchecked</c>; findings are
/// written <c>path:line: rule: message</c>. <c>checkedAt</c> is absent while pending or unchecked; <c>message</c> is present
/// only when unchecked, naming the command that checks it.
/// </summary>
internal sealed record LeafletCheckJson(
    string Status, DateTimeOffset? CheckedAt, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, string? Message);

/// <summary>
/// <c>errors</c> are written <c>path:line: rule: message</c>, as <c>leaflets check</c> prints them.
/// <c>servingLastGood</c> tells a rejected newest version whose last good version is still served (and listed
/// under loaded) from a leaflet that is not served at all.
/// </summary>
internal sealed record RejectedLeafletJson(string Id, bool ServingLastGood, IReadOnlyList<string> Errors);
