namespace Leaflets.Content.Catalog;

/// <summary>
/// When the background work of a start may begin: parsing the compiled snapshot's leaflets beyond the one asked for
/// (sooner if a request needs them all), opening the search index, comparing the source's listing with the compiled
/// snapshot served, the load-time checks and loading liblouis's tables. A cold instance exists because a
/// request is waiting for it, and on two cores that work competes with the request for the CPU (opening the index of
/// 10,000 leaflets alone takes 1.4 s), so it waits until the host says the first answer has been sent
/// (<see cref="Sent"/>), or <see cref="Limit"/> after it was first asked about when no answer comes. A search does not
/// wait for it: one that comes first opens the index itself (<see cref="CatalogSnapshot.SearchAsync"/>).
/// <para>
/// Registered only by hosts that say when an answer was sent; a catalog without one (the <c>leaflets</c> commands, a
/// catalog on its own) starts its background work at once.
/// </para>
/// </summary>
public sealed class FirstAnswer
{
    /// <summary>How long the background work waits for a first answer that does not come (an instance started with nobody asking).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _gone;

    /// <summary>Whether an answer has been sent (cheap: the host asks on every request).</summary>
    public bool IsSent => _sent.Task.IsCompleted;

    /// <summary>The host has sent an answer, the first or any later one.</summary>
    public void Sent() => _sent.TrySetResult();

    /// <summary>
    /// Completes when the first answer has been sent, or <see cref="Limit"/> after the first time this was asked for;
    /// never faults. Real time, not a <see cref="TimeProvider"/>'s: it is when a CPU is free, not a time a reader sees.
    /// </summary>
    public Task Gone => LazyInitializer.EnsureInitialized(ref _gone,
        () => _sent.Task.WaitAsync(Limit).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default));
}
