using System.Diagnostics;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Pdf.Tests;

/// <summary>
/// Runs the Debian checkers (qpdf, pdffonts, pdfinfo from poppler-utils) over rendered PDFs.
/// scripts/test.sh installs them; a machine without them fails here rather than skipping.
/// </summary>
public class CheckingToolsTests
{
    public static TheoryData<string, LeafletVariant, string> Variants() => RealContent.VariantIds();

    [Theory]
    [MemberData(nameof(Variants))]
    public void Real_leaflets_pass_qpdf_and_have_embedded_unicode_fonts_and_a_structure_tree(string id, LeafletVariant variant, string language)
    {
        foreach (var options in new[] { new PdfRenderOptions(PublicUrl: "https://leaflets.example.org/leaflets/" + id), new PdfRenderOptions(24, PaperSize.A5) })
        {
            var path = Path.Combine(Path.GetTempPath(), $"leaflet-{id}-{variant.Slug()}-{language}-{options.BodySize}-{options.PaperSlug}-{Environment.ProcessId}.pdf");
            File.WriteAllBytes(path, PdfReading.Render(RealContent.Print(id, variant, language, options)));
            try
            {
                AssertChecksPass(path);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public void The_sample_leaflet_passes_the_checkers()
    {
        var path = Path.Combine(Path.GetTempPath(), $"leaflet-sample-{Environment.ProcessId}.pdf");
        File.WriteAllBytes(path, PdfReading.RenderSample());
        try
        {
            AssertChecksPass(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertChecksPass(string path)
    {
        var (qpdfExit, qpdf) = Run("qpdf", "--check", path);
        Assert.True(qpdfExit == 0, $"qpdf --check failed ({qpdfExit}): {qpdf}");
        Assert.DoesNotContain("WARNING", qpdf, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No syntax or stream encoding errors found", qpdf);

        var (fontsExit, fonts) = Run("pdffonts", path);
        Assert.Equal(0, fontsExit);
        var rows = fonts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            // Columns: name type encoding emb sub uni object-id; read from the right, names contain spaces.
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var (emb, uni) = (cells[^5], cells[^3]);
            Assert.True(emb == "yes" && uni == "yes", $"Font not embedded with a ToUnicode map: {row}");
        }

        var (infoExit, info) = Run("pdfinfo", path);
        Assert.Equal(0, infoExit);
        Assert.Contains("Tagged:          yes", info);

        var (structExit, structure) = Run("pdfinfo", "-struct-text", path);
        Assert.Equal(0, structExit);
        Assert.StartsWith("Document", structure.TrimStart());
        Assert.Contains("H1", structure);
        Assert.Contains("P (block)", structure);
    }

    private static (int ExitCode, string Output) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
