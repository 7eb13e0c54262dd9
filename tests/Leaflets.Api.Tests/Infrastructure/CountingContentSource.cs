using Leaflets.Content.Loading;

namespace Leaflets.Api.Tests.Infrastructure;

/// <summary>The disk source, counting how often the content tree is read, and able to hang like a read stuck in the kernel.</summary>
public sealed class CountingContentSource(string root) : IContentSource
{
    private readonly FileContentSource _inner = new(root);
    private int _reads;

    public int Reads => _reads;

    /// <summary>While set, reads never return and ignore cancellation.</summary>
    public bool Hang { get; set; }

    public string DisplayRoot => _inner.DisplayRoot;

    public Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Hang ? new TaskCompletionSource<IReadOnlyList<ContentFile>>().Task : _inner.ReadAllAsync(cancellationToken);
    }
}
