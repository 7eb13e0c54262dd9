using Leaflets.Content.Model;

namespace Leaflets.Content.Checking;

/// <summary>The one-line description of a leaflet that <c>leaflets list</c> prints (tab-separated, for people and scripts).</summary>
public static class LeafletListing
{
    /// <summary>id, variants, version, review status on <paramref name="today"/>, title (all of the plain variant).</summary>
    public static string Line(Leaflet leaflet, DateOnly today)
    {
        var plain = leaflet.Plain.Metadata;
        var variants = string.Join(',', leaflet.Variants.Keys.Select(v => v.Slug()));
        var status = ReviewStatuses.Of(plain, today).Slug();
        return string.Join('\t', leaflet.Id, variants, $"v{plain.Version}", status, plain.Title);
    }
}
