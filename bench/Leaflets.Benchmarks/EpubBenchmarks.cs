using BenchmarkDotNet.Attributes;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Epub;

namespace Leaflets.Benchmarks;

/// <summary>
/// One leaflet variant to EPUB, warm, in process, as <c>GET /api/leaflets/{id}/epub</c> renders it when the representation
/// cache does not hold it (after that the route sends the kept bytes).
/// </summary>
[MemoryDiagnoser]
public class EpubBenchmarks
{
    private EpubRequest request = null!;

    /// <summary>"leaflet-id/variant", discovered from content/ like <see cref="RenderBenchmarks"/>.</summary>
    [ParamsSource(nameof(Cases))]
    public string Leaflet { get; set; } = "";

    public static IEnumerable<string> Cases() => BenchmarkContent.Cases();

    [GlobalSetup]
    public void SetUp()
    {
        var (leaflet, variant) = BenchmarkContent.Resolve(Leaflet);
        request = EpubRequest.For(leaflet, leaflet.Document(variant), DateOnly.FromDateTime(DateTime.UtcNow), Leaflets.Content.Text.StringsLibrary.Embedded);
        var epub = OursEpub();
        if (epub.Length < 1024 || epub[0] != (byte)'P' || epub[1] != (byte)'K')
        {
            throw new InvalidOperationException($"The EPUB renderer made no EPUB of {Leaflet} ({epub.Length} bytes).");
        }
    }

    /// <summary>Our renderer, warm, in process: leaflet model to EPUB 3 (XHTML, navigation, package, fonts, pictures, zip).</summary>
    [Benchmark]
    public byte[] OursEpub() => LeafletEpubRenderer.Render(request);
}
