using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Tests.Loading;

namespace Leaflets.Content.Tests.Checking;

public class ContentCheckTests
{
    [Fact]
    public async Task A_content_folder_on_disk_is_read_and_checked()
    {
        var root = Directory.CreateTempSubdirectory("leaflets-check-");
        try
        {
            var good = Directory.CreateDirectory(Path.Combine(root.FullName, "leaflets", "bones", "images"));
            await File.WriteAllTextAsync(Path.Combine(good.Parent!.FullName, "plain.md"), ContentFixture.PlainFrontMatter + "\n![a bone](images/bone.png)\n");
            await File.WriteAllBytesAsync(Path.Combine(good.FullName, "bone.png"), ContentFixture.Png(4, 3));
            var bad = Directory.CreateDirectory(Path.Combine(root.FullName, "leaflets", "hips"));
            await File.WriteAllTextAsync(Path.Combine(bad.FullName, "plain.md"), ContentFixture.PlainFrontMatter + "\nSee *this*.\n\n#### Too deep\n");

            var report = await new ContentCheck().RunAsync(new FileContentSource(root.FullName), CancellationToken.None);

            Assert.Equal(["bones"], report.Content.Leaflets.Keys);
            Assert.Equal((4, 3), (report.Content.Leaflets["bones"].Images["bone.png"].PixelWidth, report.Content.Leaflets["bones"].Images["bone.png"].PixelHeight));
            Assert.Equal(
                [
                    $"{root.FullName}/leaflets/hips/plain.md:12: italic-emphasis: warning: italics are hard to read in large print and are shown as bold; use **bold** for emphasis",
                    $"{root.FullName}/leaflets/hips/plain.md:14: heading-too-deep: headings go no deeper than ###; this one has 4 #",
                ],
                report.Problems.Select(p => p.ToString()));
            Assert.False(report.Passed);
            Assert.Equal("2 leaflets checked: 1 loaded, 1 rejected; 1 error, 1 warning", report.Summary);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_content_folder_is_reported_by_name()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-content-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => new ContentCheck().RunAsync(new FileContentSource(missing), CancellationToken.None));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_alone_pass_the_gate()
    {
        var report = new ContentCheck().Run(ContentFixture.WithPlain("Some *soft* words.\n").Load());

        Assert.True(report.Passed);
        Assert.Equal((0, 1), (report.ErrorCount, report.WarningCount));
    }

    [Fact]
    public void Problems_from_further_checks_join_the_report_and_can_fail_it()
    {
        var report = new ContentCheck([new EveryLeafletIsTooHard()]).Run(ContentFixture.WithPlain("Text.\n").Load());

        var problem = Assert.Single(report.Problems);
        Assert.Equal("content/leaflets/bones/plain.md:1: readability: too hard", problem.ToString());
        Assert.False(report.Passed);
    }

    [Fact]
    public void A_check_that_throws_on_one_leaflet_becomes_its_finding_and_the_others_are_still_checked()
    {
        var content = ContentFixture.WithPlain("Text.\n", id: "bones")
            .Add("leaflets/hips/plain.md", ContentFixture.PlainFrontMatter + "\nText.\n").Load();

        var report = new ContentCheck([new FailsOnBones(), new EveryLeafletIsTooHard()]).Run(content);

        Assert.Equal(
            [
                ("content/leaflets/bones/plain.md", ContentCheck.CheckFailedRule),
                ("content/leaflets/bones/plain.md", "readability"),
                ("content/leaflets/hips/plain.md", "readability"),
            ],
            report.Problems.Select(p => (p.Path, p.Rule)));
        var failed = report.Problems.Single(p => p.Rule == ContentCheck.CheckFailedRule);
        Assert.Contains("FailsOnBones check failed on this leaflet (InvalidOperationException: the renderer broke)", failed.Message);
        Assert.DoesNotContain(" at ", failed.Message);
        Assert.False(report.Passed);
    }

    [Fact]
    public void The_summary_counts_each_rejected_leaflet_once()
    {
        var report = new ContentCheck().Run(ContentFixture.WithPlain("# One\n\n#### Two\n", id: "Bad_Id")
            .Add("leaflets/good/plain.md", ContentFixture.PlainFrontMatter + "\nText.\n").Load());

        Assert.Equal("2 leaflets checked: 1 loaded, 1 rejected; 3 errors, 0 warnings", report.Summary);
    }

    [Theory]
    [InlineData("2024-06-01", "current")]
    [InlineData("2026-12-31", "due-soon")]
    [InlineData("2027-03-02", "overdue")]
    public void A_listing_line_shows_id_variants_languages_version_review_status_and_title(string today, string status)
    {
        var leaflet = ContentFixture.WithPlain("Text.\n")
            .Add("leaflets/bones/easy-read.md", ContentFixture.EasyReadFrontMatter + "\nText.\n")
            .Add("leaflets/bones/plain.cy.md", Loading.RuleTests.Welsh())
            .Load().Leaflets["bones"];

        var line = LeafletListing.Line(leaflet, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal($"bones\tplain,easy-read\ten-GB,cy\tv2\t{status}\tStrengthening painful bones", line);
    }

    /// <summary>A check with a fault of ours that shows on one leaflet only; its findings are produced lazily, as real checks' are.</summary>
    private sealed class FailsOnBones : IContentCheck
    {
        public IEnumerable<ContentProblem> Check(ContentLoadResult content)
        {
            if (content.Leaflets.ContainsKey("bones"))
            {
                throw new InvalidOperationException("the renderer broke");
            }
            yield break;
        }
    }

    private sealed class EveryLeafletIsTooHard : IContentCheck
    {
        public IEnumerable<ContentProblem> Check(ContentLoadResult content) =>
            content.Leaflets.Values.Select(l => new ContentProblem(l.Plain.SourcePath, 1, "readability", "too hard"));
    }
}
