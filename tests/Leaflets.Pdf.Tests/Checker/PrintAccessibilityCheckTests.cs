using System.Collections.Immutable;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Microsoft.Extensions.Time.Testing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Leaflets.Pdf.Tests.Checker;

public class PrintAccessibilityCheckTests
{
    [Fact]
    public void The_repository_leaflets_pass_every_checkpoint_at_every_print_size_and_paper()
    {
        var check = new PrintAccessibilityCheck(new LeafletPdfRenderer(), PrintAccessibilityCheck.AllPrintOptions);

        var problems = check.Check(Content(RealContent.Leaflets)).ToList();

        Assert.Equal(12, PrintAccessibilityCheck.AllPrintOptions.Count);
        Assert.Empty(problems);
    }

    [Fact]
    public void A_print_that_loses_its_language_is_reported_as_checkpoint_11_with_the_file_and_the_print_named()
    {
        var check = new PrintAccessibilityCheck(new LanguageDroppingRenderer(), [new PdfRenderOptions(20, PaperSize.A5)]);
        var leaflet = TestLeaflets.Sample();

        var problems = check.Check(Content([leaflet])).ToList();

        Assert.NotEmpty(problems);
        Assert.All(problems, problem =>
        {
            Assert.Equal(PrintAccessibilityCheck.RulePrefix + "11", problem.Rule);
            Assert.StartsWith("20 pt A5: ", problem.Message, StringComparison.Ordinal);
        });
        Assert.Contains(problems, p => p.Path == leaflet.Plain.SourcePath);
    }

    [Fact]
    public void An_easy_read_leaflet_that_prints_on_more_than_20_pages_is_rejected()
    {
        var sample = TestLeaflets.Sample();
        var easy = sample.Variants[LeafletVariant.EasyRead];
        var row = easy.Blocks.OfType<PictureRowBlock>().First();
        var longEasy = easy with { Blocks = [.. Enumerable.Repeat<Block>(row, 200)] };
        var leaflet = sample with { Variants = sample.Variants.SetItem(LeafletVariant.EasyRead, longEasy) };
        var check = new PrintAccessibilityCheck(new LeafletPdfRenderer(), PrintAccessibilityCheck.DefaultPrintOnly);

        var problems = check.Check(Content([leaflet])).ToList();

        var tooLong = Assert.Single(problems);
        Assert.Equal(PrintAccessibilityCheck.EasyReadTooLongRule, tooLong.Rule);
        Assert.Equal(longEasy.SourcePath, tooLong.Path);
    }

    [Fact]
    public void A_translation_is_checked_too_and_its_finding_names_its_own_file_and_language()
    {
        var sample = TestLeaflets.Sample();
        var easy = sample.Variants[LeafletVariant.EasyRead];
        var row = easy.Blocks.OfType<PictureRowBlock>().First();
        var longWelsh = easy with
        {
            Metadata = easy.Metadata with { Language = "cy", TranslatedFrom = easy.Metadata.Language },
            Blocks = [.. Enumerable.Repeat<Block>(row, 200)],
            ContentHash = easy.ContentHash + "-cy-long",
            SourcePath = "content/leaflets/cementoplasty/easy-read.cy.md",
        };
        var leaflet = sample with
        {
            Translations = sample.Translations.Add("cy", ImmutableSortedDictionary<LeafletVariant, LeafletDocument>.Empty.Add(LeafletVariant.EasyRead, longWelsh)),
        };
        var check = new PrintAccessibilityCheck(new LeafletPdfRenderer(), PrintAccessibilityCheck.DefaultPrintOnly);

        var problems = check.Check(Content([leaflet])).ToList();

        var tooLong = Assert.Single(problems);
        Assert.Equal((PrintAccessibilityCheck.EasyReadTooLongRule, "content/leaflets/cementoplasty/easy-read.cy.md"), (tooLong.Rule, tooLong.Path));
    }

    [Fact]
    public void A_leaflet_that_prints_over_the_page_limit_is_reported_as_print_too_long_with_the_print_named()
    {
        var leaflet = BoundedRenderingTests.LongLeaflet();
        var check = new PrintAccessibilityCheck(new LeafletPdfRenderer(), PrintAccessibilityCheck.DefaultPrintOnly);

        var tooLong = Assert.Single(check.Check(Content([leaflet])), p => p.Path == leaflet.Plain.SourcePath);

        Assert.Equal(PrintAccessibilityCheck.PrintTooLongRule, tooLong.Rule);
        Assert.StartsWith($"18 pt A4: it prints on more than {LeafletPdfRenderer.MaxPages} pages", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal(ProblemSeverity.Error, tooLong.Severity);
    }

    [Theory]
    [InlineData("2026-01-01", ReviewStatus.Current)]
    [InlineData("2028-12-31", ReviewStatus.DueSoon)]
    [InlineData("2030-01-01", ReviewStatus.Overdue)]
    public void Each_pdf_is_checked_as_it_would_print_today_with_its_review_status(string today, ReviewStatus expected)
    {
        var renderer = new RecordingRenderer();
        PdfRenderOptions[] prints = [new(), new(24, PaperSize.A5)];
        var check = new PrintAccessibilityCheck(renderer, prints, ClockOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Empty(check.Check(Content([TestLeaflets.Sample()])));

        Assert.Equal(2 * prints.Length, renderer.Options.Count);
        Assert.All(renderer.Options, options => Assert.Equal(expected, options.ReviewStatus));
    }

    [Fact]
    public void An_overdue_easy_read_leaflet_is_still_held_to_20_pages()
    {
        var sample = TestLeaflets.Sample();
        var easy = sample.Variants[LeafletVariant.EasyRead];
        var row = easy.Blocks.OfType<PictureRowBlock>().First();
        var longEasy = easy with { Blocks = [.. Enumerable.Repeat<Block>(row, 200)] };
        var leaflet = sample with { Variants = sample.Variants.SetItem(LeafletVariant.EasyRead, longEasy) };
        var check = new PrintAccessibilityCheck(new LeafletPdfRenderer(), PrintAccessibilityCheck.DefaultPrintOnly, ClockOn(new DateOnly(2030, 1, 1)));

        var tooLong = Assert.Single(check.Check(Content([leaflet])));

        Assert.Equal(PrintAccessibilityCheck.EasyReadTooLongRule, tooLong.Rule);
    }

    private static ContentLoadResult Content(IEnumerable<Leaflet> leaflets) =>
        new(leaflets.ToImmutableSortedDictionary(l => l.Id, l => l, StringComparer.Ordinal), []);

    private static FakeTimeProvider ClockOn(DateOnly today) => new(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

    /// <summary>Renders correctly, then removes /Lang: the kind of regression the gate exists to stop.</summary>
    private sealed class LanguageDroppingRenderer : ILeafletPdfRenderer
    {
        public byte[] Render(PdfRequest request, CancellationToken cancellationToken = default)
        {
            using var input = new MemoryStream(new LeafletPdfRenderer().Render(request));
            using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
            document.Internals.Catalog.Elements.Remove("/Lang");
            using var output = new MemoryStream();
            document.Save(output, false);
            var metadata = request.Document.Metadata;
            return PdfUaMetadata.Apply(output.ToArray(), metadata.Title, metadata.Language);
        }
    }

    private sealed class RecordingRenderer : ILeafletPdfRenderer
    {
        public List<PdfRenderOptions> Options { get; } = [];

        public byte[] Render(PdfRequest request, CancellationToken cancellationToken = default)
        {
            Options.Add(request.Options);
            return PdfReading.Render(request);
        }
    }
}
