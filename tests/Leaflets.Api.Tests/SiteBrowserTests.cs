using System.Text.Json;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Tests;
using UglyToad.PdfPig;

namespace Leaflets.Api.Tests;

/// <summary>
/// The library website as a clinic and a reader use it, in Debian's headless Chromium: tests/node/site-flows.mjs runs
/// once (one browser launch) against <c>leaflets serve</c> over the repository content, and each test here asserts
/// on its measurements, not only on its verdict. A missing node, node_modules or browser fails with the fix.
/// </summary>
public sealed class SiteBrowserTests(SiteBrowserTests.BrowserRun run) : IClassFixture<SiteBrowserTests.BrowserRun>
{
    /// <summary>Every kind of page the site has, as site-flows.mjs names them.</summary>
    public static TheoryData<string> PageTypes =>
        ["home", "search with results", "search with no results", "topic", "leaflet plain", "leaflet easy read", "not found"];

    private const int PrintSize = 24;

    [Fact]
    public void The_clinic_flow_from_the_home_page_by_pointer_downloads_the_leaflet_found_at_24_point_on_A4()
    {
        var flow = run.Single("clinic flow");

        AssertPassed(flow);
        var pdf = flow.GetProperty("pdf");
        Assert.Equal("application/pdf", pdf.GetProperty("contentType").GetString());
        Assert.Contains("/leaflets/cementoplasty/pdf?", pdf.GetProperty("url").GetString());
        AssertLargePrintOnA4(pdf.GetProperty("file").GetString()!);
    }

    [Fact]
    public void The_same_flow_by_keyboard_alone_goes_skip_link_search_box_first_result_print_form_and_downloads_24_point_A4()
    {
        var flow = run.Single("keyboard flow");

        AssertPassed(flow);
        var steps = flow.GetProperty("steps").EnumerateArray().ToList();
        var focus = steps.Where(step => step.TryGetProperty("focus", out _)).Select(step => step.GetProperty("focus")).ToList();
        Assert.True(focus[0].GetProperty("isSkipLink").GetBoolean(), "the first Tab on the home page should land on the skip link");
        Assert.Equal("search", focus[1].GetProperty("type").GetString());
        var arrows = steps.Where(step => step.GetProperty("key").GetString() == "ArrowDown").Select(step => step.GetProperty("focus")).ToList();
        Assert.Equal(["20", "24"], arrows.Select(f => f.GetProperty("value").GetString()));
        Assert.All(arrows, f => Assert.True(f.GetProperty("checked").GetBoolean()));
        var back = Assert.Single(steps, step => step.GetProperty("key").GetString() == "Shift+Tab").GetProperty("focus");
        Assert.Equal(("size", "24"), (back.GetProperty("name").GetString(), back.GetProperty("value").GetString()));
        Assert.Equal("button", focus[^1].GetProperty("tag").GetString());
        Assert.All(focus, f => Assert.True(f.GetProperty("focusIndicator").GetBoolean(), $"no visible focus on {f}"));
        var pdf = flow.GetProperty("pdf");
        Assert.Equal("application/pdf", pdf.GetProperty("contentType").GetString());
        AssertLargePrintOnA4(pdf.GetProperty("file").GetString()!);
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public void Every_page_type_starts_with_a_skip_link_that_takes_keyboard_focus_past_the_header(string pageType)
    {
        var skip = run.Single("skip link", pageType);

        AssertPassed(skip);
        var focus = skip.GetProperty("steps").EnumerateArray().Select(step => step.GetProperty("focus")).ToList();
        Assert.True(focus[0].GetProperty("isSkipLink").GetBoolean());
        Assert.False(focus[1].GetProperty("inHeader").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public void Every_page_type_has_no_sideways_scrolling_at_320_px_wide_nor_at_200_percent_text(string pageType)
    {
        var reflow = run.All("reflow", pageType);

        Assert.Equal([320, 1280], reflow.Select(r => r.GetProperty("width").GetInt32()).Order());
        foreach (var layout in reflow)
        {
            AssertPassed(layout);
            Assert.True(layout.GetProperty("scrollWidth").GetInt32() <= layout.GetProperty("clientWidth").GetInt32(),
                $"{pageType} at {layout.GetProperty("width")} px scrolls sideways: {layout}");
        }
        var zoomed = Assert.Single(reflow, r => r.GetProperty("textSize").GetString() == "200%");
        Assert.True(zoomed.GetProperty("rootFontSize").GetDouble() >= 2 * zoomed.GetProperty("unzoomed").GetProperty("rootFontSize").GetDouble() - 0.5,
            $"the text of {pageType} did not double at 200%: {zoomed}");
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public void Every_page_type_draws_its_heading_and_text_in_atkinson_hyperlegible_from_our_own_files(string pageType)
    {
        var font = run.Single("webfont", pageType);

        AssertPassed(font);
        Assert.True(font.GetProperty("fontsCheck").GetBoolean());
        var heading = font.GetProperty("rendered").GetProperty("main h1").EnumerateArray().ToList();
        Assert.NotEmpty(heading);
        Assert.All(heading, face =>
        {
            Assert.Equal("Atkinson Hyperlegible", face.GetProperty("familyName").GetString());
            Assert.True(face.GetProperty("isCustomFont").GetBoolean(), "drawn with an installed font, not the webfont");
        });
    }

    [Fact]
    public void Every_browser_check_passed()
    {
        var failures = run.Checks.Where(c => !c.GetProperty("passed").GetBoolean()).Select(Describe).ToList();

        Assert.True(failures.Count == 0, "browser checks failed:\n" + string.Join('\n', failures));
        Assert.Equal(0, run.ExitCode);
    }

    /// <summary>Read back as the PDF route tests do: every page A4, and no glyph smaller than the size chosen.</summary>
    private static void AssertLargePrintOnA4(string file)
    {
        using var pdf = PdfDocument.Open(File.ReadAllBytes(file));
        Assert.True(pdf.NumberOfPages > 1);
        var smallest = double.MaxValue;
        foreach (var page in pdf.GetPages())
        {
            Assert.Equal(595.3, page.Width, 0);
            Assert.Equal(841.9, page.Height, 0);
            smallest = Math.Min(smallest, page.Letters.Where(letter => !string.IsNullOrWhiteSpace(letter.Value)).Min(letter => letter.PointSize));
        }
        Assert.Equal(PrintSize, smallest, 2);
    }

    private static void AssertPassed(JsonElement check) =>
        Assert.True(check.GetProperty("passed").GetBoolean(), Describe(check));

    private static string Describe(JsonElement check) =>
        $"{check.GetProperty("check").GetString()}"
        + (check.TryGetProperty("page", out var page) ? $" ({page.GetString()})" : "")
        + ": " + string.Join("; ", check.GetProperty("failures").EnumerateArray().Select(f => f.GetString()));

    /// <summary>
    /// One run of site-flows.mjs for the whole class: the server over the repository content, the browser, every
    /// page type and both flows, with the downloaded PDFs in a folder of its own.
    /// </summary>
    public sealed class BrowserRun : IAsyncLifetime
    {
        private readonly string _pdfFolder = Path.Combine(Path.GetTempPath(), "leaflets-site-browser", Guid.NewGuid().ToString("N"));
        private JsonDocument? _report;

        public int ExitCode { get; private set; }

        public IReadOnlyList<JsonElement> Checks { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await using var server = await RunningServer.StartAsync(TestPaths.RepositoryContent);
            // Node runs while this thread waits, so the server answers Chromium from the thread pool.
            var result = await Task.Run(() => NodeScripts.Run("site-flows.mjs", [server.Address.ToString(), _pdfFolder], TimeSpan.FromMinutes(4)));
            Assert.True(result.ExitCode is 0 or 1, $"site-flows.mjs could not run (exit {result.ExitCode}): {result.Error}");
            ExitCode = result.ExitCode;
            _report = JsonDocument.Parse(result.Output);
            Checks = [.. _report.RootElement.GetProperty("checks").EnumerateArray()];
        }

        public Task DisposeAsync()
        {
            _report?.Dispose();
            if (Directory.Exists(_pdfFolder))
            {
                Directory.Delete(_pdfFolder, recursive: true);
            }
            return Task.CompletedTask;
        }

        public JsonElement Single(string check, string? pageType = null)
        {
            var found = All(check, pageType);
            Assert.True(found.Count == 1, $"site-flows.mjs reported {found.Count} \"{check}\" checks for {pageType ?? "the site"}, not one");
            return found[0];
        }

        public List<JsonElement> All(string check, string? pageType) =>
        [
            .. Checks.Where(c => c.GetProperty("check").GetString() == check
                && (pageType is null || (c.TryGetProperty("page", out var page) && page.GetString() == pageType))),
        ];
    }
}
