using System.Diagnostics;
using System.Net;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Leaflets.Content.Snapshot;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

/// <summary>
/// A cold instance serving a compiled snapshot answers a leaflet's figure as it answers the leaflet itself: from the
/// leaflet's own chunk (<see cref="LeafletCatalog.FindAsync"/>), not after every chunk of the library is parsed, so the
/// images of the first page a reader opens do not wait for the whole library.
/// </summary>
public sealed class ImageFromItsChunkTests : IDisposable
{
    /// <summary>More than one chunk of leaflets (256 a chunk), so one leaflet's chunk is not the whole library.</summary>
    private const int LeafletCount = 300;

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("leaflets-image-chunk-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task An_image_is_answered_from_its_leaflets_chunk_while_another_chunk_of_the_snapshot_is_not_yet_read()
    {
        var library = await LibraryWithSnapshotAsync();
        // The leaflets are chunked in id order: the last one is in the second chunk, the first chunk's read is held back.
        var id = $"cementoplasty-{LeafletCount:00000}";
        var source = new FirstChunkHeldSource(library);
        await using var server = await RunningServer.StartAsync(library, services => services.AddSingleton<IContentSource>(source));
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();

        using var image = await server.Client.GetAsync($"/api/leaflets/{id}/images/er-asleep.png").WaitAsync(TimeSpan.FromSeconds(60));
        var bytes = await image.Content.ReadAsByteArrayAsync();
        var whole = catalog.GetSnapshotAsync(CancellationToken.None).AsTask();
        var wholeBeforeRelease = whole.IsCompleted;
        source.Release();
        var snapshot = await whole.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(library, "leaflets", id, "images", "er-asleep.png")), bytes);
        Assert.False(wholeBeforeRelease); // the library waited for the first chunk, held back; the image did not
        Assert.Equal(LeafletCount, snapshot.Content.Leaflets.Count);
    }

    [Fact]
    public async Task An_unknown_image_of_a_leaflet_found_from_its_chunk_is_404_and_a_bad_id_400_while_the_library_is_not_yet_read()
    {
        var library = await LibraryWithSnapshotAsync();
        var source = new FirstChunkHeldSource(library);
        await using var server = await RunningServer.StartAsync(library, services => services.AddSingleton<IContentSource>(source));
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();

        using var unknownImage = await server.Client.GetAsync($"/api/leaflets/cementoplasty-{LeafletCount:00000}/images/missing.png").WaitAsync(TimeSpan.FromSeconds(60));
        using var badId = await server.Client.GetAsync("/api/leaflets/Not_An_Id/images/er-asleep.png").WaitAsync(TimeSpan.FromSeconds(60));
        var wholeBeforeRelease = catalog.GetSnapshotAsync(CancellationToken.None).AsTask().IsCompleted;
        source.Release();

        Assert.Equal(HttpStatusCode.NotFound, unknownImage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.False(wholeBeforeRelease);
    }

    /// <summary>A library of <see cref="LeafletCount"/> leaflets (scripts/make-library.sh, every one with its images) and its compiled snapshot.</summary>
    private async Task<string> LibraryWithSnapshotAsync()
    {
        var library = Path.Combine(_work.FullName, "library");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(TestPaths.RepositoryRoot, "scripts", "make-library.sh"));
        start.ArgumentList.Add(LeafletCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(library);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"make-library.sh exited with {process.ExitCode}: {await error}");
        await FolderSnapshot.WriteAsync(library, null, CancellationToken.None);
        return library;
    }

    /// <summary>The folder source, whose compiled snapshot holds back the read of its first chunk of leaflets until <see cref="Release"/>.</summary>
    private sealed class FirstChunkHeldSource(string root) : IContentSource
    {
        private readonly FileContentSource _inner = new(root);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.TrySetResult();

        public string DisplayRoot => _inner.DisplayRoot;

        public Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken) => _inner.ReadAllAsync(cancellationToken);

        public IAsyncEnumerable<ContentListing> ListAsync(CancellationToken cancellationToken) => _inner.ListAsync(cancellationToken);

        public Task<ContentFile?> ReadFileAsync(string path, CancellationToken cancellationToken) => _inner.ReadFileAsync(path, cancellationToken);

        public async Task<ISnapshotFile?> OpenSnapshotAsync(CancellationToken cancellationToken)
            => await _inner.OpenSnapshotAsync(cancellationToken) is { } file ? await HeldFile.OpenAsync(file, _released.Task, cancellationToken) : null;
    }

    /// <summary>A snapshot file whose read at the start of its chunks section (section 1 of its header's table) waits for <c>released</c>.</summary>
    private sealed class HeldFile(ISnapshotFile file, long firstChunkAt, Task released) : ISnapshotFile
    {
        public static async Task<ISnapshotFile> OpenAsync(ISnapshotFile file, Task released, CancellationToken cancellationToken)
        {
            const int ChunksRow = 16 + 48; // the header's table: 16 bytes, then 48 a section
            var row = await file.ReadAsync(ChunksRow, 8, cancellationToken);
            return new HeldFile(file, BitConverter.ToInt64(row), released);
        }

        public long Length => file.Length;

        public async Task<byte[]> ReadAsync(long offset, int length, CancellationToken cancellationToken)
        {
            if (offset == firstChunkAt)
            {
                await released.WaitAsync(cancellationToken);
            }
            return await file.ReadAsync(offset, length, cancellationToken);
        }

        public void Dispose() => file.Dispose();
    }
}
