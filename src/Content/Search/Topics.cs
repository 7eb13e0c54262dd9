using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Leaflets.Content.Model;

namespace Leaflets.Content.Search;

/// <summary>A topic as the website shows it: its address, its words, and every leaflet tagged with it.</summary>
public sealed record Topic(string Slug, string Name, ImmutableArray<Leaflet> Leaflets);

/// <summary>
/// The topics of a catalog, for browsing. Editors write topics as free words ("secondary bone cancer"), so a topic's
/// address is a slug made from them by one rule (<see cref="Slug"/>), and spellings that differ only in case, spaces
/// or punctuation ("Pain relief", "pain-relief") are one topic.
/// </summary>
public static class Topics
{
    /// <summary>
    /// The topic's letters (of any script, accents kept) and digits in lowercase, every other run of characters one
    /// hyphen, none at either end: "Secondary bone cancer" gives "secondary-bone-cancer". Empty when the topic has no
    /// letter or digit at all (such a topic is not listed).
    /// </summary>
    public static string Slug(string topic)
    {
        var slug = new StringBuilder(topic.Length);
        foreach (var c in topic.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return slug.ToString().TrimEnd('-');
    }

    /// <summary>
    /// Every topic of any variant of any leaflet, by name; a topic's name is its most-used spelling (ties: the first in
    /// ordinal order), and its leaflets are in <see cref="LeafletSearch.ByTitle"/> order.
    /// </summary>
    public static ImmutableArray<Topic> Of(IEnumerable<Leaflet> leaflets)
    {
        var tagged = leaflets
            .SelectMany(leaflet => leaflet.Variants.Values
                .SelectMany(document => document.Metadata.Topics)
                .Select(name => (Slug: Slug(name), Name: name, Leaflet: leaflet)))
            .Where(tag => tag.Slug.Length > 0);
        return [.. tagged
            .GroupBy(tag => tag.Slug, StringComparer.Ordinal)
            .Select(group => new Topic(
                group.Key,
                group.GroupBy(tag => tag.Name, StringComparer.Ordinal)
                    .OrderByDescending(spelling => spelling.Count()).ThenBy(spelling => spelling.Key, StringComparer.Ordinal)
                    .First().Key,
                [.. group.Select(tag => tag.Leaflet).DistinctBy(leaflet => leaflet.Id).Order(LeafletSearch.ByTitle)]))
            .OrderBy(topic => topic.Name, StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true))
            .ThenBy(topic => topic.Slug, StringComparer.Ordinal)];
    }
}
