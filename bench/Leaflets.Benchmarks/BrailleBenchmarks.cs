using BenchmarkDotNet.Attributes;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Braille;
using Leaflets.Content.Text;

namespace Leaflets.Benchmarks;

/// <summary>
/// One leaflet variant to braille as the route serves it by default (grade 2, 40 × 25), warm, in process: liblouis
/// translating each block through P/Invoke and our layout. No baseline: no other tool lays out a leaflet's braille.
/// </summary>
[MemoryDiagnoser]
public class BrailleBenchmarks
{
    private BrailleRequest request = null!;

    /// <summary>"leaflet-id/variant", as for the PDF (<see cref="BenchmarkContent.Cases"/>).</summary>
    [ParamsSource(nameof(Cases))]
    public string Leaflet { get; set; } = "";

    public static IEnumerable<string> Cases() => BenchmarkContent.Cases();

    [GlobalSetup]
    public void SetUp()
    {
        var (leaflet, variant) = BenchmarkContent.Resolve(Leaflet);
        request = BrailleRequest.For(leaflet, leaflet.Document(variant), new BrailleChoice(), StringsLibrary.Embedded)
            ?? throw new InvalidOperationException($"{Leaflet} is in a language without braille.");
        // Loads liblouis and compiles the table outside the measurement, as a served instance has.
        if (BrailleOursBrf().Length == 0)
        {
            throw new InvalidOperationException("The braille is empty.");
        }
    }

    /// <summary>Leaflet model to BRF bytes.</summary>
    [Benchmark]
    public byte[] BrailleOursBrf() => request.Render(BrailleTranslator.Shared);
}
