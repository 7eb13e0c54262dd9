using System.Globalization;
using System.Runtime.CompilerServices;
using Leaflets.Content.Caching;
using Leaflets.Content.Catalog;
using Leaflets.Content.Rendering;
using Leaflets.Content.Search;
using Microsoft.Extensions.Options;

namespace Leaflets.Functions.Http;

/// <summary>
/// Bound from the "RepresentationCache" section (env <c>RepresentationCache__MaxBytes</c>): how many bytes of rendered
/// JSON, JSON-LD and HTML (and their compressed codings) one instance keeps in memory. 0 turns the cache off.
/// </summary>
public sealed class RepresentationCacheOptions
{
    public const string SectionName = "RepresentationCache";

    /// <summary>
    /// Its share of the caches' memory, <see cref="CacheBudget.RepresentationBytes"/>, which says what that holds.
    /// </summary>
    public long MaxBytes { get; set; } = CacheBudget.RepresentationBytes;

    public bool IsValid => MaxBytes >= 0;

    public const string InvalidMessage = "RepresentationCache:MaxBytes must be 0 (off) or more (env RepresentationCache__MaxBytes).";
}

/// <summary>
/// Rendered bodies kept in memory by version, so a leaflet's JSON, JSON-LD and HTML (and the website's pages) are
/// rendered once and compressed once per coding, not on every request. Keyed by the representation's version
/// (<see cref="Content.Rendering.RepresentationVersions"/>: content hash, variant, language, representation version,
/// strings version, review status, links base...), the very value its ETag carries, so an edited leaflet or a new
/// strings table gets a new key and is never served stale; entries for old versions age out. Bounded by the bytes it
/// holds, codings included; the least recently used go first. A body larger than the whole bound is served but not kept.
/// </summary>
public sealed class RepresentationCache(IOptions<RepresentationCacheOptions> options)
{
    private readonly ByteBoundedLru<RepresentationBody> _kept = new(options.Value.MaxBytes);
    private int _renders;

    /// <summary>The bytes held now: every kept body's identity bytes and the codings made of it.</summary>
    public long TotalBytes => _kept.TotalBytes;

    public int Count => _kept.Count;

    /// <summary>Bodies rendered because the cache did not hold them.</summary>
    public int Renders => Volatile.Read(ref _renders);

    /// <summary>The body kept under <paramref name="version"/>, if any: for a body made asynchronously (the spoken audio).</summary>
    public bool TryGet(string version, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RepresentationBody? body) => _kept.TryGet(version, out body);

    /// <summary>
    /// The key of a body made from a whole snapshot (a page of a list or of a search): the snapshot's
    /// <see cref="CatalogSnapshot.Generation"/> (a refresh is a new generation, so a new snapshot never
    /// answers from an old page), today (the review statuses shown) and the rest of what shapes its bytes, after the
    /// name of what is rendered. Such a body's tag is taken over its bytes (<see cref="RepresentationBody.TagOfBytes"/>),
    /// not this key: instances number their snapshots apart, and the same bytes keep the same tag on all of them.
    /// </summary>
    /// <remarks>
    /// The key is the parts themselves, each input after its length (<c>29:application/json;leaflet-list|412|2026-12-03|...</c>),
    /// not a hash of them: it never leaves the process, and it is derived on every request for a kept page, where SHA-256
    /// of the joined parts was 2% of the CPU. The lengths make it unambiguous whatever an input holds (a search's words
    /// may hold the separator; the generation and the day, digits and dashes, cannot), and the <c>:</c> after the first
    /// length keeps it apart from every hexadecimal version key. Written on the stack (from the pool past it), so the
    /// string is the one allocation.
    /// </remarks>
    public static string ListKey(string representation, CatalogSnapshot snapshot, DateOnly today, params ReadOnlySpan<string?> inputs)
    {
        var key = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[512]);
        Part(ref key, representation);
        key.AppendFormatted(snapshot.Generation);
        key.AppendLiteral("|");
        key.AppendFormatted(today, "O");
        key.AppendLiteral("|");
        foreach (var input in inputs)
        {
            Part(ref key, input);
        }
        return key.ToStringAndClear();

        static void Part(ref DefaultInterpolatedStringHandler key, string? part)
        {
            key.AppendFormatted(part?.Length ?? 0);
            key.AppendLiteral(":");
            key.AppendFormatted(part);
            key.AppendLiteral("|");
        }
    }

    /// <summary>
    /// The body kept under <paramref name="version"/>, else <paramref name="render"/>'s, kept for next time. Two requests
    /// that miss at once may both render: rendering is deterministic, so either body is the same, and the first kept wins.
    /// Each coding made of a kept body counts against the bound from then on.
    /// </summary>
    public RepresentationBody GetOrRender(string version, Func<byte[]> render)
    {
        if (_kept.TryGet(version, out var kept))
        {
            return kept;
        }
        return Keep(version, render(), lastModified: null);
    }

    /// <summary>
    /// The body of a page of many leaflets (the API's list, the site's lists and searches) kept under its
    /// <see cref="ListKey"/>, answered without finding the page: a kept page costs neither its search nor the date of its
    /// leaflets. Else the page <paramref name="find"/> gives, which <paramref name="render"/> makes into a body, kept with
    /// the date the page gives (<see cref="RepresentationBody.LastModified"/>), or into none (null) when the page is
    /// answered otherwise (the site's 404 past the last page): then nothing is kept, so a kept body is always of a page
    /// that was shown, and a request that finds one needs nothing else of the page.
    /// </summary>
    public ValueTask<RepresentationBody?> GetOrRenderPageAsync(string key, Func<ValueTask<SearchPage>> find, Func<SearchPage, byte[]?> render)
    {
        return _kept.TryGet(key, out var kept) ? ValueTask.FromResult<RepresentationBody?>(kept) : FindAndRenderAsync();

        async ValueTask<RepresentationBody?> FindAndRenderAsync()
        {
            var page = await find();
            return render(page) is { } bytes ? Keep(key, bytes, page.LastModified) : null;
        }
    }

    /// <summary>
    /// <see cref="GetOrRender"/> for a body whose inputs are read first (a leaflet's bodies, loaded only on a miss): a
    /// kept body is answered without waiting for anything.
    /// </summary>
    public ValueTask<RepresentationBody> GetOrRenderAsync(string version, Func<ValueTask<byte[]>> render)
    {
        return _kept.TryGet(version, out var kept) ? ValueTask.FromResult(kept) : RenderAsync();

        async ValueTask<RepresentationBody> RenderAsync() => Keep(version, await render(), lastModified: null);
    }

    private RepresentationBody Keep(string version, byte[] bytes, DateTimeOffset? lastModified)
    {
        Interlocked.Increment(ref _renders);
        RepresentationBody body = null!;
        body = new RepresentationBody(bytes, lastModified, encodedBytes => _kept.Grow(version, body, encodedBytes));
        return _kept.GetOrAdd(version, body, bytes.Length);
    }
}
