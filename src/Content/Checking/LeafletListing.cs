using Leaflets.Content.Model;

namespace Leaflets.Content.Checking;

/// <summary>The one-line description of a leaflet that <c>leaflets list</c> prints (tab-separated, for people and scripts).</summary>
public static class LeafletListing
{
    /// <summary>
    /// id, variants, languages (the main one first, then each translation's), then version, review status on
    /// <paramref name="today"/> and title, all of the plain variant in the main language.
    /// </summary>
    public static string Line(Leaflet leaflet, DateOnly today)
    {
        var plain = leaflet.Plain.Metadata;
        var variants = string.Join(',', leaflet.Variants.Keys.Select(v => v.Slug()));
        var languages = string.Join(',', leaflet.Languages);
        var status = ReviewStatuses.Of(plain, today).Slug();
        return string.Join('\t', leaflet.Id, variants, languages, $"v{plain.Version}", status, plain.Title);
    }
}
