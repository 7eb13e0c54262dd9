using System.Diagnostics;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Catalog;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Functions;
using Leaflets.Functions.Leaflets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

/// <summary>GetLeafletPdf called as the Functions host calls it: built from DI, given an HttpRequest and a CancellationToken.</summary>
public sealed class PdfFunctionDirectTests : IDisposable
{
    // Slow enough that a cancelled request is seen to give up long before the render ends, even on a busy machine.
    private readonly CountingPdfRenderer _renderer = new(TimeSpan.FromSeconds(5));
    private readonly ServiceProvider _services;

    public PdfFunctionDirectTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Content:Root"] = TestPaths.RepositoryContent,
                ["Site:PublicBaseUrl"] = "https://leaflets.example.org",
            })
            .Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddLeafletFunctions(configuration)
            .AddSingleton<TimeProvider>(TestTime.Clock())
            .AddSingleton<ILeafletPdfRenderer>(_renderer)
            .BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Called_directly_it_answers_the_pdf_with_its_file_name()
    {
        var context = NewContext("?variant=easy-read&paper=A5");
        var function = ActivatorUtilities.CreateInstance<GetLeafletPdf>(_services);

        var result = await function.Run(context.Request, "cementoplasty", CancellationToken.None);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("application/pdf", context.Response.ContentType);
        Assert.Equal("inline; filename=\"cementoplasty-easy-read-18pt-a5-v1.pdf\"", context.Response.Headers.ContentDisposition.ToString());
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(((MemoryStream)context.Response.Body).ToArray()[..5]));
    }

    [Fact]
    public async Task A_cancelled_request_stops_waiting_at_once_and_the_render_still_lands_in_the_cache()
    {
        using var aborted = new CancellationTokenSource();
        var context = NewContext("");
        context.RequestAborted = aborted.Token;
        var function = ActivatorUtilities.CreateInstance<GetLeafletPdf>(_services);
        // Loaded beforehand, so the cancellation lands while the PDF renders rather than while content loads.
        await _services.GetRequiredService<LeafletCatalog>().GetSnapshotAsync(CancellationToken.None);
        var request = function.Run(context.Request, "cementoplasty", aborted.Token);
        await _renderer.Started.WaitAsync(TimeSpan.FromSeconds(30));
        var timer = Stopwatch.StartNew();
        await aborted.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        var cache = _services.GetRequiredService<PdfRenderCache>();
        Assert.Equal(0, cache.Count);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(3), $"gave up {timer.ElapsedMilliseconds} ms after the cancellation");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (cache.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Equal(1, cache.Count);
        Assert.Equal(1, _renderer.Renders);
    }

    private static DefaultHttpContext NewContext(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("functions.example", 8443);
        context.Request.Path = "/api/leaflets/cementoplasty/pdf";
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        return context;
    }
}
