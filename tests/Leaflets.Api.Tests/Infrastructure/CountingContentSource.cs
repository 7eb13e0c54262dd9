using Leaflets.Content.Loading;

namespace Leaflets.Api.Tests.Infrastructure;

/// <summary>The disk source, counting how often the content tree is read.</summary>
public sealed class CountingContentSource(string root) : IContentSource
{
    private readonly FileContentSource _inner = new(root);
    private int _reads;

    public int Reads => _reads;

    public string DisplayRoot => _inner.DisplayRoot;

    public Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return _inner.ReadAllAsync(cancellationToken);
    }
}
