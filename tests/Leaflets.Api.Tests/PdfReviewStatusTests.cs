using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Rendering.Pdf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;

namespace Leaflets.Api.Tests;

/// <summary>
/// The PDF route prints the leaflet's review status as of the service's clock. The repository's cementoplasty
/// leaflet was last reviewed on 15 February 2018, so its next review was due on 15 February 2021.
/// </summary>
public sealed class PdfReviewStatusTests
{
    private const string Route = "/api/leaflets/cementoplasty/pdf";
    private const string OverdueNotice =
        "This leaflet is overdue for review. It was due to be checked by 15 February 2021. Ask your care team if anything in it has changed.";

    [Fact]
    public async Task An_overdue_leaflet_prints_the_notice_and_gets_a_new_pdf_and_etag_when_the_date_makes_it_current()
    {
        var clock = TestTime.Clock();
        var renderer = new CountingPdfRenderer();
        await using var server = await Start(renderer, clock);

        var overdue = await server.Client.GetAsync(Route);
        Assert.Equal(HttpStatusCode.OK, overdue.StatusCode);
        var overdueBytes = await overdue.Content.ReadAsByteArrayAsync();
        Assert.Contains(OverdueNotice, PageOneText(overdueBytes), StringComparison.Ordinal);

        // Another day, still overdue: the same PDF from the cache, under the same tag.
        clock.AdjustTime(TestTime.Now.AddDays(40));
        var nextMonth = await server.Client.GetAsync(Route);
        Assert.Equal(overdue.Headers.ETag, nextMonth.Headers.ETag);
        Assert.Equal(overdueBytes, await nextMonth.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, renderer.Renders);

        // A clock before the review was due: the leaflet is current, and prints without the notice.
        clock.AdjustTime(new DateTimeOffset(2019, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var current = await server.Client.GetAsync(Route);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.NotEqual(overdue.Headers.ETag, current.Headers.ETag);
        var currentText = PageOneText(await current.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("overdue", currentText, StringComparison.Ordinal);
        Assert.DoesNotContain("due for review", currentText, StringComparison.Ordinal);
        Assert.Equal(2, renderer.Renders);
        Assert.Equal(2, server.Services.GetRequiredService<PdfRenderCache>().Count);
    }

    [Fact]
    public async Task A_client_holding_the_overdue_pdf_is_not_told_it_is_still_fresh_once_the_status_changes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var server = await Start(new CountingPdfRenderer(), clock);
        var dueSoon = await server.Client.GetAsync(Route);
        Assert.Contains("This leaflet is due for review by 15 February 2021.", PageOneText(await dueSoon.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        clock.AdjustTime(new DateTimeOffset(2021, 2, 16, 9, 0, 0, TimeSpan.Zero));
        using var request = new HttpRequestMessage(HttpMethod.Get, Route);
        request.Headers.TryAddWithoutValidation("If-None-Match", dueSoon.Headers.ETag!.Tag);
        var overdue = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, overdue.StatusCode);
        Assert.Contains(OverdueNotice, PageOneText(await overdue.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    private static Task<RunningServer> Start(ILeafletPdfRenderer renderer, TimeProvider clock) =>
        RunningServer.StartAsync(TestPaths.RepositoryContent, services =>
        {
            services.AddSingleton(renderer);
            services.AddSingleton(clock);
        });

    private static string PageOneText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
    }
}
