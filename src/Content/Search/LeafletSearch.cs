using System.Collections.Immutable;
using System.Globalization;
using Leaflets.Content.Model;

namespace Leaflets.Content.Search;

/// <summary>One page of search results, and how many leaflets matched in all.</summary>
public sealed record SearchPage(ImmutableArray<Leaflet> Items, int Total, LeafletQuery Query)
{
    public int PageCount => Math.Max(1, (Total + Query.PageSize - 1) / Query.PageSize);
}

public static class LeafletSearch
{
    /// <summary>
    /// Alphabetical by the plain title, as a person looks for a leaflet (the website's lists); ignoring case, then
    /// exactly, then by id, so the order is total and the same on every run.
    /// </summary>
    public static IComparer<Leaflet> ByTitle { get; } = Comparer<Leaflet>.Create((x, y) =>
    {
        var byWords = string.Compare(x.Plain.Metadata.Title, y.Plain.Metadata.Title, CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);
        return byWords != 0 ? byWords
            : string.CompareOrdinal(x.Plain.Metadata.Title, y.Plain.Metadata.Title) is var exact and not 0 ? exact
            : string.CompareOrdinal(x.Id, y.Id);
    });

    /// <summary>
    /// Leaflets matching every word of <see cref="LeafletQuery.Words"/> (in a title, summary or topic of any variant,
    /// ignoring case), the topic and the code, paged; in id order (the API's) unless <paramref name="order"/> says
    /// otherwise. Every variant counts because an easy-read title may use the very words a reader searches with.
    /// </summary>
    public static SearchPage Search(IEnumerable<Leaflet> leaflets, LeafletQuery query, IComparer<Leaflet>? order = null)
    {
        var matches = leaflets
            .Where(leaflet => Matches(leaflet, query))
            .Order(order ?? ById)
            .ToList();
        var items = matches
            .Skip((int)Math.Min(int.MaxValue, (long)(query.Page - 1) * query.PageSize))
            .Take(query.PageSize)
            .ToImmutableArray();
        return new SearchPage(items, matches.Count, query);
    }

    private static readonly IComparer<Leaflet> ById = Comparer<Leaflet>.Create((x, y) => string.CompareOrdinal(x.Id, y.Id));

    private static bool Matches(Leaflet leaflet, LeafletQuery query)
    {
        var metadata = leaflet.Variants.Values.Select(document => document.Metadata).ToList();

        if (query.Topic is { } topic
            && !metadata.Any(m => m.Topics.Any(t => string.Equals(t, topic, StringComparison.OrdinalIgnoreCase))))
        {
            return false;
        }

        if (query.Code is { } code
            && !metadata.Any(m => m.Codes.Any(c =>
                string.Equals(c.System, code.System, StringComparison.OrdinalIgnoreCase)
                && string.Equals(c.Code, code.Code, StringComparison.Ordinal))))
        {
            return false;
        }

        if (query.Language is { } language && !leaflet.Languages.Any(tag => LanguageTags.Covers(language, tag)))
        {
            return false;
        }

        if (query.Words.IsEmpty)
        {
            return true;
        }
        var searchable = string.Join('\n', metadata.SelectMany(m => m.Topics.Prepend(m.Summary).Prepend(m.Title)));
        return query.Words.All(word => searchable.Contains(word, StringComparison.OrdinalIgnoreCase));
    }
}
