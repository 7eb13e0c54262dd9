using System.Collections.Immutable;

namespace Leaflets.Content.Model;

/// <summary>
/// A leaflet with all of its valid variants and the images they share. <see cref="Variants"/> are in the leaflet's
/// main language, the one of plain.md; <see cref="Translations"/> holds the same variants in other languages
/// (plain.cy.md, easy-read.cy.md), keyed by the language tag of their file names and sharing the same images.
/// </summary>
public sealed record Leaflet(
    string Id,
    ImmutableSortedDictionary<LeafletVariant, LeafletDocument> Variants,
    ImmutableSortedDictionary<string, LeafletImage>? Images)
{
    private readonly ImmutableSortedDictionary<string, LeafletImage>? _images = Images;

    /// <summary>
    /// The images, by file name. A leaflet read from a compiled snapshot holds none until it is loaded
    /// (<see cref="Catalog.CatalogSnapshot.LoadBodiesAsync"/>): the snapshot keeps their records in one compact array
    /// (<see cref="Snapshot.SnapshotLeaflet.Images"/>), not a dictionary of objects for each of 10,000 shells. Asking for
    /// them before then throws <see cref="BodyNotLoadedException"/> rather than answer that the leaflet has no image.
    /// </summary>
    public ImmutableSortedDictionary<string, LeafletImage> Images
    {
        get => _images ?? throw new BodyNotLoadedException($"The images of leaflet '{Id}' are not loaded: load it first (CatalogSnapshot.LoadBodiesAsync).");
        init => _images = value;
    }

    /// <summary>Whether <see cref="Images"/> may be read (their records; their bytes only if <see cref="IsLoadedInFull"/>).</summary>
    public bool AreImagesHeld => _images is not null;

    /// <summary>
    /// Language tag → the variants written in it. A translation's variant always has its main-language variant
    /// beside it (the loader refuses one without), so every language holds a subset of <see cref="Variants"/>.
    /// </summary>
    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<LeafletVariant, LeafletDocument>> Translations { get; init; } =
        ImmutableSortedDictionary.Create<string, ImmutableSortedDictionary<LeafletVariant, LeafletDocument>>(LanguageTags.Comparer);

    /// <summary>The plain variant is required, so every loaded leaflet has it.</summary>
    public LeafletDocument Plain => Variants[LeafletVariant.Plain];

    /// <summary>The language of plain.md: every route without a language choice serves it.</summary>
    public string MainLanguage => Plain.Metadata.Language;

    /// <summary>The main language first, then each translation's in tag order.</summary>
    public IReadOnlyList<string> Languages => LanguageLists.Of(this).All;

    /// <summary>The languages <paramref name="variant"/> is written in: the main language first, then each translation's in tag order.</summary>
    public IReadOnlyList<string> LanguagesOf(LeafletVariant variant) =>
        LanguageLists.Of(this).ByVariant.TryGetValue(variant, out var languages) ? languages : [];

    /// <summary>
    /// Each variant the leaflet has and the languages it is in, as one text (<c>plain:en,cy;easy-read:en</c>): what the
    /// versions of the representations that link to the others are derived from (<see cref="Rendering.RepresentationVersions"/>),
    /// as adding a translation changes what they link to. Made once per leaflet, with its language lists.
    /// </summary>
    internal string Editions => LanguageLists.Of(this).Editions;

    /// <summary>
    /// The language lists, made once per leaflet: every request negotiates among them and derives its representation's
    /// version from them (at 20,000 requests/s, lists made anew each time were a tenth of the leaflet routes' own time),
    /// and a leaflet never changes once made (a change loads a new one, and <c>with</c> makes a new object). Kept beside
    /// the leaflet rather than in it so that a record's equality and <c>with</c> copies know nothing of them.
    /// </summary>
    private sealed class LanguageLists
    {
        private readonly Leaflet _leaflet;
        private string? _editions;

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Leaflet, LanguageLists> Made = new();

        private LanguageLists(Leaflet leaflet)
        {
            _leaflet = leaflet;
            All = [leaflet.MainLanguage, .. leaflet.Translations.Keys];
            ByVariant = leaflet.Variants.Keys.ToDictionary(
                variant => variant,
                variant => (IReadOnlyList<string>)[.. All.Where(language => leaflet.Find(variant, language) is not null)]);
        }

        public IReadOnlyList<string> All { get; }

        public Dictionary<LeafletVariant, IReadOnlyList<string>> ByVariant { get; }

        // On first use, not with the lists: only the routes that derive a version ask, not every leaflet negotiated or listed.
        // Two racing callers make the same text.
        public string Editions => _editions ??= string.Join(';',
            _leaflet.Variants.Keys.Select(variant => variant.Slug() + ":" + string.Join(',', ByVariant[variant])));

        public static LanguageLists Of(Leaflet leaflet) => Made.GetValue(leaflet, static made => new LanguageLists(made));
    }

    /// <summary>
    /// The language an address or file name has to name to reach <paramref name="language"/>: none for the main
    /// language, whose addresses are the canonical ones they were before translations, else the tag.
    /// </summary>
    public string? TranslationLanguage(string language) => LanguageTags.Comparer.Equals(language, MainLanguage) ? null : language;

    /// <summary>
    /// Every document of the leaflet: the main-language variants, then each translation's, in <see cref="Languages"/>
    /// order. What checks every file (the publish gate, readability) goes through, so no translation is left out.
    /// </summary>
    public IEnumerable<LeafletDocument> AllDocuments => Variants.Values.Concat(Translations.Values.SelectMany(translated => translated.Values));

    /// <summary>When anything of the leaflet last changed: the newest <see cref="LeafletDocument.DateModified"/> of <see cref="AllDocuments"/>.</summary>
    public DateTimeOffset DateModified => AllDocuments.Max(document => document.DateModified);

    /// <summary>Whether every document's body and every image's bytes are held (false for a leaflet read from a compiled snapshot).</summary>
    public bool IsLoadedInFull => AreBodiesLoaded && _images is not null && _images.Values.All(image => image.IsLoaded);

    /// <summary>Whether every document's body is held: all a route that draws no image needs (its images' bytes may not be).</summary>
    public bool AreBodiesLoaded => AllDocuments.All(document => document.IsBodyLoaded);

    /// <summary>The variant asked for; a renderer asked for a variant the leaflet lacks is a caller's bug, so it throws.</summary>
    public LeafletDocument Document(LeafletVariant variant) =>
        Variants.TryGetValue(variant, out var document)
            ? document
            : throw new KeyNotFoundException($"Leaflet '{Id}' has no {variant.Slug()} variant.");

    /// <summary>The variant in <paramref name="language"/> (the main language or a translation's, compared as tags are: ignoring case), if the leaflet has it.</summary>
    public LeafletDocument? Find(LeafletVariant variant, string language)
    {
        if (LanguageTags.Comparer.Equals(language, MainLanguage))
        {
            return Variants.GetValueOrDefault(variant);
        }
        return Translations.TryGetValue(language, out var translated) ? translated.GetValueOrDefault(variant) : null;
    }

    /// <summary>The variant in <paramref name="language"/>; like <see cref="Document(LeafletVariant)"/>, asking for one the leaflet lacks is a caller's bug.</summary>
    public LeafletDocument Document(LeafletVariant variant, string language) =>
        Find(variant, language) ?? throw new KeyNotFoundException($"Leaflet '{Id}' has no {variant.Slug()} variant in '{language}'.");
}

/// <summary>
/// One variant of a leaflet, parsed and validated.
/// <see cref="ContentHash"/> is a lowercase hex SHA-256 over the source text and every image it uses:
/// it changes whenever anything a reader could see changes, so ETags and caches key on it.
/// </summary>
public sealed record LeafletDocument(
    string LeafletId,
    LeafletVariant Variant,
    LeafletMetadata Metadata,
    ImmutableArray<Block> Blocks,
    string ContentHash,
    string SourcePath)
{
    private readonly ImmutableArray<Block> _blocks = Blocks;

    /// <summary>
    /// The body. A document read from a compiled snapshot (<see cref="Snapshot.ContentSnapshot"/>) has none until its
    /// leaflet is loaded in full (<see cref="Catalog.CatalogSnapshot.LoadInFullAsync"/>): asking for it then throws
    /// <see cref="BodyNotLoadedException"/> rather than render an empty leaflet.
    /// </summary>
    public ImmutableArray<Block> Blocks
    {
        get => _blocks.IsDefault ? throw new BodyNotLoadedException($"The body of {SourcePath} is not loaded: load leaflet '{LeafletId}' in full first (CatalogSnapshot.LoadInFullAsync).") : _blocks;
        init => _blocks = value;
    }

    /// <summary>Whether <see cref="Blocks"/> may be read: false for a document read from a compiled snapshot.</summary>
    public bool IsBodyLoaded => !_blocks.IsDefault;

    /// <summary>
    /// When this document's content last changed: the newest <see cref="Loading.ContentFile.LastModified"/> of the files
    /// its <see cref="ContentHash"/> covers (its source, the images it uses and, for a translation, its main document).
    /// It is what partners sync by: Last-Modified, and <c>dateModified</c> in the JSON, the JSON-LD and the manifest.
    /// </summary>
    public DateTimeOffset DateModified { get; init; } = DateTimeOffset.MinValue;
}

/// <summary>An image file from a leaflet's images/ folder.</summary>
public sealed record LeafletImage(string FileName, string ContentType, ImmutableArray<byte> Bytes, int PixelWidth, int PixelHeight)
{
    private readonly ImmutableArray<byte> _bytes = Bytes;

    /// <summary>
    /// The file's bytes. An image read from a compiled snapshot has only its facts; asking for its bytes before its
    /// leaflet is loaded in full throws <see cref="BodyNotLoadedException"/>.
    /// </summary>
    public ImmutableArray<byte> Bytes
    {
        get => _bytes.IsDefault ? throw new BodyNotLoadedException($"The bytes of image '{FileName}' are not loaded: load its leaflet in full first (CatalogSnapshot.LoadInFullAsync).") : _bytes;
        init => _bytes = value;
    }

    /// <summary>Whether <see cref="Bytes"/> may be read: false for an image read from a compiled snapshot.</summary>
    public bool IsLoaded => !_bytes.IsDefault;

    /// <summary>When the image file last changed (<see cref="Loading.ContentFile.LastModified"/>).</summary>
    public DateTimeOffset LastModified { get; init; } = DateTimeOffset.MinValue;
}

/// <summary>
/// A document's body or an image's bytes were asked for before its leaflet was loaded in full: a bug of the caller, which
/// must load it first. Thrown so that such a leaflet can never be rendered as if it were empty.
/// </summary>
public sealed class BodyNotLoadedException(string message) : InvalidOperationException(message);
