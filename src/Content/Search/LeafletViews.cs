using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;

namespace Leaflets.Content.Search;

/// <summary>
/// The orders and groupings of one load's leaflets that the website pages through (the A to Z, the topics with their
/// leaflets), made once per load instead of on every request: at 10,000 leaflets, sorting them by title with the
/// culture's rules and grouping every variant's topics cost milliseconds a request (bench/README, "Scale"). Kept beside
/// the load they were made from and gone with it, so a new load (an edit) never pages through an old order.
/// </summary>
public sealed class LeafletViews
{
    private static readonly ConditionalWeakTable<ContentLoadResult, LeafletViews> Made = new();

    private LeafletViews(ContentLoadResult content)
    {
        AToZ = [.. content.Leaflets.Values.Order(LeafletSearch.ByTitle)];
        Topics = Search.Topics.Of(content.Leaflets.Values);
        _topicsBySlug = Topics.ToImmutableDictionary(topic => topic.Slug, StringComparer.Ordinal);
    }

    private readonly ImmutableDictionary<string, Topic> _topicsBySlug;

    /// <summary>Every leaflet in <see cref="LeafletSearch.ByTitle"/> order.</summary>
    public ImmutableArray<Leaflet> AToZ { get; }

    /// <summary>Every topic (<see cref="Search.Topics.Of"/>), its leaflets in <see cref="LeafletSearch.ByTitle"/> order.</summary>
    public ImmutableArray<Topic> Topics { get; }

    /// <summary>The views of <paramref name="content"/>, made by the first caller (two racing callers make the same).</summary>
    public static LeafletViews Of(ContentLoadResult content) => Made.GetValue(content, static made => new LeafletViews(made));

    /// <summary>The topic with this slug (<see cref="Search.Topics.Slug"/>), if any leaflet has it.</summary>
    public bool TryGetTopic(string slug, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Topic? topic)
        => _topicsBySlug.TryGetValue(slug, out topic);
}
