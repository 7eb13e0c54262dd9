using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Leaflets.Content.Rendering.Braille;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Leaflets.Functions.Health;

/// <summary>
/// Starts the first load of the catalog when the host starts, so broken leaflets are logged at once rather than on the
/// first request, then, once the first answer has gone (<see cref="FirstAnswer"/>), the load-time checks. It runs
/// beside the host, never in front of it: the host listens at once even if the source hangs (requests meanwhile wait
/// for the first load, within its time limit, or get 503). A failure is logged, not thrown: /api/health tells the
/// rest. A missing liblouis is logged here too, after the first answer.
/// </summary>
internal sealed class CatalogWarmup(
    LeafletCatalog catalog, LeafletCheckResults checks, BrailleTranslator braille, FirstAnswer firstAnswer, ILogger<CatalogWarmup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Started first: reading the content is most of a cold start. The catalog runs the load on the pool itself
        // (LeafletCatalog.BeginRefresh), so this returns to the host at once and it finishes starting meanwhile.
        CatalogSnapshot? snapshot = null;
        try
        {
            // Without asking for the whole library: a compiled snapshot's chunks are parsed after the first answer.
            snapshot = (await catalog.WhenLoadedAsync(stoppingToken)).Snapshot;
        }
        catch (ContentNotLoadedException notLoaded)
        {
            logger.LogError("{Reason} Requests get 503 until a later read succeeds", notLoaded.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The leaflet content could not be loaded at start");
        }
        // What follows is for later requests, so it does not take the CPU from the first (FirstAnswer).
        await firstAnswer.Gone.WaitAsync(stoppingToken);
        // A deployment without liblouis or its tables says so at start, not at a reader's first braille request. Loading
        // its tables took the host's start ahead of listening when it ran before this method's first await.
        if (braille.Problem() is { } missing)
        {
            logger.LogError("{Missing} The braille route answers 503 until it is installed", missing);
        }
        if (snapshot is not null)
        {
            // Not awaited: the checks run in the background and /api/health shows them pending until each is done.
            _ = checks.StartChecks(snapshot);
        }
    }
}
