using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Api.Tests.Infrastructure;

/// <summary>The real renderer, counting its renders; an optional delay widens the window in which requests overlap.</summary>
public sealed class CountingPdfRenderer(TimeSpan delay = default) : ILeafletPdfRenderer
{
    private readonly LeafletPdfRenderer _inner = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _renders;

    public int Renders => Volatile.Read(ref _renders);

    /// <summary>Completes when the first render begins.</summary>
    public Task Started => _started.Task;

    public byte[] Render(PdfRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _renders);
        _started.TrySetResult();
        if (delay > TimeSpan.Zero)
        {
            Thread.Sleep(delay);
        }
        return _inner.Render(request, cancellationToken);
    }
}
