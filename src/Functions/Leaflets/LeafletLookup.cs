using System.Diagnostics.CodeAnalysis;
using Leaflets.Content.Catalog;
using Leaflets.Content.Model;
using Leaflets.Content.Search;
using Leaflets.Content.Text;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// Finds the leaflet (and variant) a request names, or the problem to answer instead. Shared by every
/// leaflets/{id}/... function so they all reject the same inputs with the same words.
/// </summary>
public static class LeafletLookup
{
    /// <summary>
    /// The leaflet <paramref name="id"/> in the variant that <c>?variant=</c> names and the language negotiated among
    /// those that variant is written in (<see cref="LanguageNegotiation"/>), or the problem to answer instead: 400 for a
    /// bad variant, id or language tag, 404 for an unknown leaflet, a variant it lacks or a language that variant is not
    /// in, 406 when Accept-Language rules out every language. <paramref name="drawsImages"/>: whether the route renders
    /// the images' bytes (PDF, EPUB); the others are given the bodies alone, which from a compiled snapshot is the
    /// Markdown read without the images (<see cref="CatalogSnapshot.LoadBodiesAsync"/>).
    /// </summary>
    public static async Task<DocumentLookup> FindDocumentAsync(
        LeafletCatalog catalog, HttpRequest request, string id, bool drawsImages, CancellationToken cancellationToken)
    {
        var found = await FindAsync(catalog, request, id, cancellationToken);
        return found.Found ? await found.WithBodiesAsync(drawsImages, cancellationToken) : found;
    }

    /// <summary>
    /// As <see cref="FindDocumentAsync"/>, but with the leaflet as the snapshot holds it, whose bodies may not be read
    /// yet: its metadata (content hashes, dates, variants and languages) is all a representation's version needs, so a
    /// route whose rendered body is kept under that version (<see cref="RepresentationCache"/>) answers a hit without
    /// reading or looking up the leaflet's bodies, and reads them (<see cref="DocumentLookup.WithBodiesAsync"/>) only to
    /// render. Every answer but the rendered body (404s, 406s, languages offered) is decided from the metadata alone.
    /// </summary>
    public static async Task<DocumentLookup> FindAsync(
        LeafletCatalog catalog, HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!TryParseVariant(request, out var variant, out var badVariant))
        {
            return new DocumentLookup(null, null, badVariant);
        }
        var (snapshot, leaflet, notFound) = await FindLeafletAsync(catalog, id, cancellationToken);
        if (snapshot is null)
        {
            return new DocumentLookup(null, null, notFound) { Variant = variant };
        }
        if (leaflet is null || !TryGetDocument(leaflet, variant, request, out var document, out notFound))
        {
            return new DocumentLookup(null, null, notFound)
            {
                LanguagesOffered = leaflet is not null && leaflet.Variants.ContainsKey(variant) ? leaflet.LanguagesOf(variant) : [],
                Variant = variant,
            };
        }
        return new DocumentLookup(leaflet, document, null) { Strings = snapshot.Content.Strings, Snapshot = snapshot, Variant = variant };
    }

    /// <summary>
    /// The leaflet <paramref name="id"/> and the snapshot it was found in (which loads its bodies and images), or the
    /// problem to answer instead: 400 for an id that is not one (no snapshot is asked, so it is null), 404 for an
    /// unknown leaflet. Found without waiting for the whole library: a cold instance answers it from its chunk of the
    /// compiled snapshot (<see cref="LeafletCatalog.FindAsync"/>).
    /// </summary>
    public static async Task<(CatalogSnapshot? Snapshot, Leaflet? Leaflet, ProblemResult? Problem)> FindLeafletAsync(
        LeafletCatalog catalog, string id, CancellationToken cancellationToken)
    {
        if (!IsLeafletId(id, out var badId))
        {
            return (null, null, badId);
        }
        var (snapshot, leaflet) = await catalog.FindAsync(id, cancellationToken);
        return (snapshot, leaflet, leaflet is null ? Problems.UnknownLeaflet(id) : null);
    }

    private static bool IsLeafletId(string id, [NotNullWhen(false)] out ProblemResult? problem)
    {
        problem = Slugs.IsLeafletId(id) ? null : Problems.InvalidParameter($"The leaflet id must be {Slugs.LeafletIdRule}.");
        return problem is null;
    }

    /// <summary>The <c>variant</c> query parameter: absent means plain; anything but plain or easy-read is a 400.</summary>
    public static bool TryParseVariant(HttpRequest request, out LeafletVariant variant, [NotNullWhen(false)] out ProblemResult? problem)
    {
        var parsed = LeafletVariants.TryParse(
            request.Query(LeafletVariants.Parameter), LeafletVariants.Parameter, LeafletVariant.Plain, out var chosen, out var error);
        (variant, problem) = (chosen ?? LeafletVariant.Plain, parsed ? null : Problems.InvalidParameter(error!));
        return parsed;
    }


    private static bool TryGetDocument(
        Leaflet leaflet, LeafletVariant variant, HttpRequest request,
        [NotNullWhen(true)] out LeafletDocument? document, [NotNullWhen(false)] out ProblemResult? problem)
    {
        document = null;
        if (!leaflet.Variants.ContainsKey(variant))
        {
            problem = Problems.MissingVariant(leaflet.Id, variant.Slug(), leaflet.Variants.Keys.Select(v => v.Slug()));
            return false;
        }
        if (!LanguageNegotiation.TryChoose(request, leaflet.LanguagesOf(variant), out var language, out problem))
        {
            return false;
        }
        document = leaflet.Document(variant, language);
        return true;
    }
}

/// <summary>What <see cref="LeafletLookup.FindDocumentAsync"/> found: the leaflet and document, or the problem.</summary>
public sealed record DocumentLookup(Leaflet? Leaflet, LeafletDocument? Document, ProblemResult? Problem)
{
    /// <summary>
    /// When the leaflet has the variant asked for but the language was not one it is in: the languages it is in, so a
    /// page for people can offer them (<see cref="Variant"/> names the variant). Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> LanguagesOffered { get; init; } = [];

    /// <summary>The strings of the snapshot the leaflet was found in: the words shown around it.</summary>
    public StringsLibrary Strings { get; init; } = StringsLibrary.Embedded;

    /// <summary>The variant asked for (plain when none was), once <c>?variant=</c> was read.</summary>
    public LeafletVariant Variant { get; init; }

    /// <summary>The snapshot the leaflet was found in, which loads its bodies (<see cref="WithBodiesAsync"/>).</summary>
    public CatalogSnapshot? Snapshot { get; init; }

    /// <summary>
    /// This lookup with the leaflet's bodies read (and, when <paramref name="drawsImages"/>, its images' bytes): from a
    /// compiled snapshot, its files are read on first use and proved the recorded ones
    /// (<see cref="CatalogSnapshot.LoadBodiesAsync"/>); the document is the same variant in the same language.
    /// </summary>
    /// <exception cref="ContentNotLoadedException">Its files changed since the compiled snapshot; the catalog is reloading.</exception>
    public async ValueTask<DocumentLookup> WithBodiesAsync(bool drawsImages, CancellationToken cancellationToken)
    {
        if (!Found)
        {
            return this;
        }
        var snapshot = Snapshot ?? throw new InvalidOperationException("A lookup without its snapshot cannot load bodies.");
        var loaded = drawsImages ? await snapshot.LoadInFullAsync(Leaflet, cancellationToken) : await snapshot.LoadBodiesAsync(Leaflet, cancellationToken);
        return this with { Leaflet = loaded, Document = loaded.Document(Document.Variant, Document.Metadata.Language) };
    }

    [MemberNotNullWhen(true, nameof(Leaflet), nameof(Document))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Found => Problem is null;
}
