using System.Diagnostics.CodeAnalysis;
using Leaflets.Content.Catalog;
using Leaflets.Content.Model;
using Leaflets.Content.Search;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// Finds the leaflet (and variant) a request names, or the problem to answer instead. Shared by every
/// leaflets/{id}/... function so they all reject the same inputs with the same words.
/// </summary>
public static class LeafletLookup
{
    /// <summary>
    /// The leaflet <paramref name="id"/> in the variant that <c>?variant=</c> names, or the problem to answer instead:
    /// 400 for a bad variant or id, 404 for an unknown leaflet or a variant it lacks.
    /// </summary>
    public static async Task<DocumentLookup> FindDocumentAsync(
        LeafletCatalog catalog, HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!TryParseVariant(request, out var variant, out var badVariant))
        {
            return new DocumentLookup(null, null, badVariant);
        }
        var snapshot = await catalog.GetSnapshotAsync(cancellationToken);
        if (!TryFind(snapshot, id, out var leaflet, out var notFound)
            || !TryGetDocument(leaflet, variant, out var document, out notFound))
        {
            return new DocumentLookup(null, null, notFound);
        }
        return new DocumentLookup(leaflet, document, null);
    }

    public static bool TryFind(
        CatalogSnapshot snapshot, string id, [NotNullWhen(true)] out Leaflet? leaflet, [NotNullWhen(false)] out ProblemResult? problem)
    {
        leaflet = null;
        if (!Slugs.IsLeafletId(id))
        {
            problem = Problems.InvalidParameter($"The leaflet id must be {Slugs.LeafletIdRule}.");
            return false;
        }
        if (!snapshot.Content.Leaflets.TryGetValue(id, out leaflet))
        {
            problem = Problems.UnknownLeaflet(id);
            return false;
        }
        problem = null;
        return true;
    }

    /// <summary>The <c>variant</c> query parameter: absent means plain; anything but plain or easy-read is a 400.</summary>
    public static bool TryParseVariant(HttpRequest request, out LeafletVariant variant, [NotNullWhen(false)] out ProblemResult? problem)
    {
        var parsed = LeafletVariants.TryParse(
            request.Query(LeafletVariants.Parameter), LeafletVariants.Parameter, LeafletVariant.Plain, out var chosen, out var error);
        (variant, problem) = (chosen ?? LeafletVariant.Plain, parsed ? null : Problems.InvalidParameter(error!));
        return parsed;
    }


    public static bool TryGetDocument(
        Leaflet leaflet, LeafletVariant variant, [NotNullWhen(true)] out LeafletDocument? document, [NotNullWhen(false)] out ProblemResult? problem)
    {
        if (leaflet.Variants.TryGetValue(variant, out document))
        {
            problem = null;
            return true;
        }
        problem = Problems.MissingVariant(leaflet.Id, variant.Slug(), leaflet.Variants.Keys.Select(v => v.Slug()));
        return false;
    }
}

/// <summary>What <see cref="LeafletLookup.FindDocumentAsync"/> found: the leaflet and document, or the problem.</summary>
public sealed record DocumentLookup(Leaflet? Leaflet, LeafletDocument? Document, ProblemResult? Problem)
{

    [MemberNotNullWhen(true, nameof(Leaflet), nameof(Document))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Found => Problem is null;
}
