using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Caching;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

/// <summary>GET /api/leaflets/{id}/pdf when rendering is at its limits: a full queue, a failing render.</summary>
public sealed class PdfRenderLimitsTests
{
    private const string Route = "/api/leaflets/{id}/pdf";

    private static Task<RunningServer> StartAsync(ILeafletPdfRenderer renderer, Action<PdfOptions>? limits = null) =>
        RunningServer.StartAsync(TestPaths.RepositoryContent, services =>
        {
            services.AddSingleton(renderer);
            services.Configure<PdfOptions>(options => limits?.Invoke(options));
        });

    [Fact]
    public async Task Renders_never_exceed_the_cap_and_a_request_beyond_the_queue_gets_503_with_retry_after()
    {
        var renderer = new GatedPdfRenderer();
        await using var server = await StartAsync(renderer, limits => (limits.MaxConcurrentRenders, limits.RenderQueueLength) = (1, 1));

        var running = server.Client.GetAsync("/api/leaflets/cementoplasty/pdf?size=16");
        await renderer.WaitForRendersAsync(1);
        var contenders = new[] { "18", "20" }.Select(size => server.Client.GetAsync($"/api/leaflets/cementoplasty/pdf?size={size}")).ToList();
        // One of the two takes the only place in the queue; the other is refused at once, while the render is held.
        var first = await Task.WhenAny(contenders);
        var refused = await first;
        renderer.Open();
        var served = await Task.WhenAll(running, contenders.Single(c => c != first));

        var problem = await ApiJson.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("urn:leaflets:problem:render-busy", (string?)problem["type"]);
        Assert.Equal("1", string.Join(",", refused.Headers.GetValues("Retry-After")));
        Assert.Equal("no-store", refused.Headers.CacheControl?.ToString());
        OpenApiConformanceTests.AssertConforms(Route, "get", refused, await refused.Content.ReadAsByteArrayAsync());
        Assert.All(served, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(1, renderer.MostAtOnce);
        Assert.Equal(2, renderer.Renders);
    }

    [Fact]
    public async Task A_failed_render_is_a_500_problem_without_internals_and_is_answered_again_without_rendering()
    {
        var renderer = new FailingPdfRenderer();
        await using var server = await StartAsync(renderer);

        var first = await server.Client.GetAsync("/api/leaflets/cementoplasty/pdf?variant=easy-read");
        var second = await server.Client.GetAsync("/api/leaflets/cementoplasty/pdf?variant=easy-read");

        var problem = await ApiJson.AssertProblemAsync(first, HttpStatusCode.InternalServerError);
        Assert.Equal("urn:leaflets:problem:render-failed", (string?)problem["type"]);
        Assert.DoesNotContain(FailingPdfRenderer.Secret, problem.ToJsonString(), StringComparison.Ordinal);
        var again = await ApiJson.AssertProblemAsync(second, HttpStatusCode.InternalServerError);
        Assert.Equal((string?)problem["detail"], (string?)again["detail"]);
        Assert.Equal(1, renderer.Renders);
        OpenApiConformanceTests.AssertConforms(Route, "get", second, await second.Content.ReadAsByteArrayAsync());
        // Only that print failed: the other variant still renders.
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/leaflets/cementoplasty/pdf")).StatusCode);
    }

    [Fact]
    public async Task A_render_or_store_setting_out_of_range_stops_the_server_from_starting_naming_the_setting()
    {
        var renders = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new CountingPdfRenderer(), limits => limits.MaxConcurrentRenders = 0));
        var store = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningServer.StartAsync(TestPaths.RepositoryContent, services =>
            services.Configure<PdfStoreOptions>(options => options.TimeoutSeconds = 0)));

        Assert.Contains("Pdf__<name>", renders.Message, StringComparison.Ordinal);
        Assert.Contains("PdfCache__TimeoutSeconds", store.Message, StringComparison.Ordinal);
    }

    /// <summary>The real renderer, held until <see cref="Open"/>, recording how many renders ran at once.</summary>
    private sealed class GatedPdfRenderer : ILeafletPdfRenderer
    {
        private readonly LeafletPdfRenderer _inner = new();
        private readonly ManualResetEventSlim _gate = new();
        private readonly SemaphoreSlim _started = new(0);
        private int _running;
        private int _mostAtOnce;
        private int _renders;

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public int Renders => Volatile.Read(ref _renders);

        public void Open() => _gate.Set();

        public async Task WaitForRendersAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(await _started.WaitAsync(TimeSpan.FromSeconds(30)), "no render started");
            }
        }

        public byte[] Render(PdfRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _renders);
            var running = Interlocked.Increment(ref _running);
            int most;
            while (running > (most = Volatile.Read(ref _mostAtOnce)) && Interlocked.CompareExchange(ref _mostAtOnce, running, most) != most)
            {
            }
            _started.Release();
            try
            {
                _gate.Wait(cancellationToken);
                return _inner.Render(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }

    /// <summary>Fails the easy-read variant as a broken image would; renders the rest.</summary>
    private sealed class FailingPdfRenderer : ILeafletPdfRenderer
    {
        public const string Secret = "decoder state 0xDEADBEEF";

        private readonly LeafletPdfRenderer _inner = new();
        private int _renders;

        public int Renders => Volatile.Read(ref _renders);

        public byte[] Render(PdfRequest request, CancellationToken cancellationToken = default)
        {
            if (request.Document.Variant == LeafletVariant.Plain)
            {
                return _inner.Render(request, cancellationToken);
            }
            Interlocked.Increment(ref _renders);
            throw new InvalidDataException(Secret);
        }
    }
}
