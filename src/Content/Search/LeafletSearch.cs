using System.Collections.Immutable;
using System.Globalization;
using Leaflets.Content.Model;

namespace Leaflets.Content.Search;

/// <summary>One page of search results, and how many leaflets matched in all.</summary>
public sealed record SearchPage(ImmutableArray<Leaflet> Items, int Total, LeafletQuery Query)
{
    public int PageCount => Math.Max(1, (Total + Query.PageSize - 1) / Query.PageSize);

    /// <summary>By leaflet id, the words around what a search's words matched (<see cref="ILeafletSearchIndex"/>); none for a list without words.</summary>
    public ImmutableDictionary<string, Snippet> Snippets { get; init; } = ImmutableDictionary<string, Snippet>.Empty;

    /// <summary>
    /// When anything the page shows last changed: the newest of its leaflets' <see cref="Leaflet.DateModified"/>; null
    /// for an empty page. A walk of every document of every leaflet on it, so the routes that keep a page's body keep this
    /// with it rather than ask again per request (bench/README, "List pages, per request").
    /// </summary>
    public DateTimeOffset? LastModified => Items.IsEmpty ? null : Items.Max(leaflet => leaflet.DateModified);
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
    /// The leaflets of a known set (a topic's, the A to Z) that pass the topic, code and language filters, paged; in id
    /// order (the API's) unless <paramref name="order"/> says otherwise. Words are searched by
    /// <see cref="ILeafletSearchIndex"/>, never here.
    /// </summary>
    /// <exception cref="ArgumentException">The query has words.</exception>
    public static SearchPage List(IEnumerable<Leaflet> leaflets, LeafletQuery query, IComparer<Leaflet>? order = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!query.Words.IsEmpty)
        {
            throw new ArgumentException("A list takes no words; search them with an ILeafletSearchIndex.", nameof(query));
        }
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

    /// <summary>
    /// A page of leaflets already in the order to show and with nothing to filter (<see cref="LeafletViews"/>): the
    /// page's slice, without going through the whole set again.
    /// </summary>
    /// <exception cref="ArgumentException">The query has words or filters.</exception>
    public static SearchPage PageOf(ImmutableArray<Leaflet> ordered, LeafletQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!query.Words.IsEmpty || query.Topic is not null || query.Code is not null || query.Language is not null)
        {
            throw new ArgumentException("A page of an ordered set takes no words or filters.", nameof(query));
        }
        var skip = (int)Math.Min(ordered.Length, (long)(query.Page - 1) * query.PageSize);
        return new SearchPage(ordered.Slice(skip, Math.Min(query.PageSize, ordered.Length - skip)), ordered.Length, query);
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

        return query.Language is not { } language || leaflet.Languages.Any(tag => LanguageTags.Covers(language, tag));
    }
}
