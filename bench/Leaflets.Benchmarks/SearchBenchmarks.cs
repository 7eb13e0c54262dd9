using BenchmarkDotNet.Attributes;
using Leaflets.Content.Model;
using Leaflets.Content.Search;

namespace Leaflets.Benchmarks;

/// <summary>
/// One search of a library of copies of the real leaflets (every copy matches, so each query ranks and pages the whole
/// library: the worst case for a word every leaflet has), against the baseline of a page of the list without words.
/// The library at 10,000 leaflets, under HTTP load, is scripts/bench-scale.sh's.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private LuceneLeafletIndex index = null!;

    [Params(1_000)]
    public int Leaflets { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        var real = BenchmarkContent.Leaflets.Values.ToList();
        var library = Enumerable.Range(0, Leaflets).Select(n =>
        {
            var leaflet = real[n % real.Count];
            var plain = leaflet.Plain with { Metadata = leaflet.Plain.Metadata with { Title = $"{leaflet.Plain.Metadata.Title} {n}" } };
            return leaflet with { Id = $"{leaflet.Id}-{n:D5}", Variants = leaflet.Variants.SetItem(LeafletVariant.Plain, plain) };
        });
        index = LuceneLeafletIndex.Build(library);
        if (Search("vertebroplasy").Total != Leaflets)
        {
            throw new InvalidOperationException("The typing error did not find every copy.");
        }
    }

    [GlobalCleanup]
    public void CleanUp() => index.Dispose();

    /// <summary>The example: two words, both exact, ranked, with snippets for the page.</summary>
    [Benchmark]
    public SearchPage TwoWords() => Search("bone cement");

    /// <summary>A typing error: the fuzzy expansion as well as the ranking.</summary>
    [Benchmark]
    public SearchPage TypingError() => Search("vertebroplasy");

    /// <summary>Ten long misspelt words, the most a query may hold: the bound on what one request costs.</summary>
    [Benchmark]
    public SearchPage HostileLongest() => Search("vertebroplasyy cementoplastyy kyphoplastyy anaesthetik sedatieve percutaneus fractuur myelomaa tumoursz metastatik");

    /// <summary>The floor: the first page of the list in id order, no words.</summary>
    [Benchmark(Baseline = true)]
    public SearchPage ListPage() => Now(LeafletQuery.Default);

    private SearchPage Search(string q) => Now(LeafletQuery.Parse(q, null, null, null, null).Query!);

    /// <summary>The page, which an index of leaflets held in memory answers at once (nothing to read): no await timed.</summary>
    private SearchPage Now(LeafletQuery query)
    {
        var answer = index.SearchAsync(query, CancellationToken.None);
        return answer.IsCompletedSuccessfully ? answer.Result : throw new InvalidOperationException("A search of leaflets in memory did not answer at once.");
    }
}
