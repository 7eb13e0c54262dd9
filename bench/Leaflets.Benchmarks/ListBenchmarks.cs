using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;
using Leaflets.Content.Rendering.Json;
using Leaflets.Content.Search;

namespace Leaflets.Benchmarks;

/// <summary>
/// Where a page of a list goes at 10,000 leaflets (bench/README, "Scale"): what each list route did on every request
/// before it kept its work per snapshot (sort the whole library by title for the A to Z, group every variant's topics
/// for a topic page, render the API's page as JSON and hash it for its tag), against the baseline of what a request
/// does now (cut a page from the A to Z made once per load).
/// </summary>
[MemoryDiagnoser]
public class ListBenchmarks
{
    private ImmutableArray<Leaflet> library;
    private LeafletViews views = null!;
    private SearchPage apiPage = null!;
    private byte[] apiBody = [];
    private readonly ApiUrls urls = new("https://leaflets.example.nhs.uk/api");
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly string[] Subjects = ["asthma", "diabetes", "hip replacement", "stroke recovery", "wound care", "blood tests"];

    [Params(10_000)]
    public int Leaflets { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        var real = BenchmarkContent.Leaflets.Values.ToList();
        library = [.. Enumerable.Range(0, Leaflets).Select(n =>
        {
            var leaflet = real[n % real.Count];
            var subject = Subjects[n % Subjects.Length];
            var plain = leaflet.Plain with
            {
                Metadata = leaflet.Plain.Metadata with
                {
                    Title = $"Living with {subject} {(n * 7919) % Leaflets}",
                    Topics = leaflet.Plain.Metadata.Topics.Add(subject),
                },
            };
            return leaflet with { Id = $"{leaflet.Id}-{n:D5}", Variants = leaflet.Variants.SetItem(LeafletVariant.Plain, plain) };
        })];
        var load = new ContentLoadResult(library.ToImmutableSortedDictionary(leaflet => leaflet.Id, leaflet => leaflet, StringComparer.Ordinal), []);
        views = LeafletViews.Of(load);
        apiPage = LeafletSearch.List(library, LeafletQuery.Default with { Page = 200 });
        apiBody = LeafletJson.List(apiPage, Today, urls);
        if (AToZSortedPerRequest().Items.Select(l => l.Id).SequenceEqual(AToZFromViews().Items.Select(l => l.Id)) is false)
        {
            throw new InvalidOperationException("The A to Z from the views differs from the list sorted per request.");
        }
    }

    /// <summary>The home page's A to Z as it was made per request: every leaflet filtered and sorted by title.</summary>
    [Benchmark]
    public SearchPage AToZSortedPerRequest() => LeafletSearch.List(library, LeafletQuery.Default with { Page = 200 }, LeafletSearch.ByTitle);

    /// <summary>A topic page's lookup as it was per request: every variant's topics slugged and grouped.</summary>
    [Benchmark]
    public int TopicsGroupedPerRequest() => Topics.Of(library).Length;

    /// <summary>The API's page (25 leaflets) rendered as JSON, as it was per request.</summary>
    [Benchmark]
    public byte[] ApiPageRendered() => LeafletJson.List(apiPage, Today, urls);

    /// <summary>The API page's tag over its bytes, as it was hashed per request.</summary>
    [Benchmark]
    public string ApiPageTagged() => RepresentationVersions.OfBytes(apiBody);

    /// <summary>The key a rendered page is kept under now, made per request (the lookup that replaces the work above).</summary>
    [Benchmark]
    public string ListKeyDerived() => RepresentationVersions.Derive("application/json;leaflet-list", "7", "2026-12-02", LeafletQuery.Default.Key, urls.BaseUrl);

    /// <summary>The baseline: page 200 of the A to Z cut from the views made once per load.</summary>
    [Benchmark(Baseline = true)]
    public SearchPage AToZFromViews() => LeafletSearch.PageOf(views.AToZ, LeafletQuery.Default with { Page = 200 });
}
