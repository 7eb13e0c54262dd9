using BenchmarkDotNet.Attributes;
using Leaflets.Benchmarks.Chromium;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Benchmarks;

/// <summary>
/// One leaflet variant to PDF, two ways, in the same run: our renderer (warm, in process) and the
/// baseline, a warm headless Chromium printing our own HTML rendering of the same variant.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private readonly LeafletPdfRenderer renderer = new();
    private Leaflet leaflet = null!;
    private LeafletVariant variant;
    private PdfRequest request = null!;
    private ChromiumPage page = null!;
    private WarmChromium chromium = null!;

    /// <summary>"leaflet-id/variant", discovered from content/ so a new leaflet is benchmarked without code changes.</summary>
    [ParamsSource(nameof(Cases))]
    public string Leaflet { get; set; } = "";

    public static IEnumerable<string> Cases() => BenchmarkContent.Cases();

    [GlobalSetup(Target = nameof(OursPdf))]
    public void SetUpOurs()
    {
        SelectLeaflet();
        // What the service serves: 18 pt on A4 with the QR code to the online version on the last page.
        request = PdfRequest.For(
            leaflet, variant, new PdfRenderOptions(18, PaperSize.A4, $"https://leaflets.example.org/leaflets/{leaflet.Id}?variant={variant.Slug()}"));
        PdfCheck.RequirePdf(OursPdf(), "our renderer");
        Console.WriteLine(JitWarmUp.Run(() => OursPdf()));
    }

    [GlobalSetup(Target = nameof(ChromiumWarm))]
    public void SetUpChromium()
    {
        SelectLeaflet();
        page = ChromiumPage.Write(leaflet, variant);
        chromium = WarmChromium.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        // Evidence in the log that the one-core job really confines Chromium (it inherits our affinity).
        Console.WriteLine($"// Chromium process {chromium.ProcessId}: {chromium.AllowedCpus()}; this process: {WarmChromium.AllowedCpus(Environment.ProcessId)}");
        var pdf = chromium.PrintToPdfAsync(page.Url, CancellationToken.None).GetAwaiter().GetResult();
        PdfCheck.RequirePdf(pdf, "Chromium");
        PdfCheck.RequireImages(pdf, page.FigureCount, "Chromium");
    }

    internal int ChromiumProcessId => chromium.ProcessId;

    [GlobalCleanup(Target = nameof(ChromiumWarm))]
    public void CleanUpChromium()
    {
        chromium?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        page?.Dispose();
    }

    /// <summary>Our renderer, warm, in process: leaflet model to tagged PDF at 18 pt on A4.</summary>
    [Benchmark]
    public byte[] OursPdf() => renderer.Render(request);

    /// <summary>The baseline: a warm Chromium, driven over DevTools, loads our HTML from disk and prints it to PDF.</summary>
    [Benchmark(Baseline = true)]
    public Task<byte[]> ChromiumWarm() => chromium.PrintToPdfAsync(page.Url, CancellationToken.None);

    private void SelectLeaflet() => (leaflet, variant) = BenchmarkContent.Resolve(Leaflet);
}
