using System.Diagnostics.CodeAnalysis;
using Leaflets.Content.Catalog;
using Leaflets.Content.Model;
using Leaflets.Content.Search;
using Leaflets.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace Leaflets.Functions.Leaflets;

/// <summary>
/// Finds the leaflet (and variant) a request names, or the problem to answer instead. Shared by every
/// leaflets/{id}/... function so they all reject the same inputs with the same words.
/// </summary>
public static class LeafletLookup
{
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
        var raw = request.Query("variant");
        if (raw is null)
        {
            variant = LeafletVariant.Plain;
            problem = null;
            return true;
        }
        if (LeafletVariants.TryParse(raw, out variant))
        {
            problem = null;
            return true;
        }
        var allowed = string.Join(", ", LeafletVariants.All.Select(v => v.Slug()));
        problem = Problems.InvalidParameter($"variant must be one of: {allowed}; got '{raw}'.");
        return false;
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

    /// <summary>Last-Modified of anything built from the whole leaflet: its most recent review.</summary>
    public static DateOnly LastReviewed(this Leaflet leaflet) => leaflet.Variants.Values.Max(d => d.Metadata.LastReviewed);
}
