using Microsoft.Win32.SafeHandles;

namespace Leaflets.Content.Snapshot;

/// <summary>
/// A compiled snapshot where it is kept, read by range: its header and metadata at start, its search index after
/// serving has begun. Every read is of the one snapshot opened, never of one put in its place since: a file keeps its
/// open handle, a blob its first read's ETag (<see cref="SnapshotChangedException"/> when it no longer has it).
/// Disposed once the search index has been read (or the snapshot refused).
/// </summary>
public interface ISnapshotFile : IDisposable
{
    /// <summary>Its length in bytes, at most <see cref="SnapshotFormat.MaxBytes"/>.</summary>
    long Length { get; }

    /// <summary>Exactly <paramref name="length"/> bytes from <paramref name="offset"/>, or <see cref="InvalidDataException"/> if it ends first.</summary>
    /// <exception cref="SnapshotChangedException">The snapshot was replaced since it was opened (blob mode).</exception>
    Task<byte[]> ReadAsync(long offset, int length, CancellationToken cancellationToken);
}

/// <summary>The snapshot was replaced since it was opened: a new one, to be read again from its start.</summary>
public sealed class SnapshotChangedException(string message, Exception? inner = null) : IOException(message, inner);

/// <summary>A snapshot's bytes in memory (tests and tools that hold the whole file).</summary>
public sealed class MemorySnapshotFile(byte[] bytes) : ISnapshotFile
{
    public long Length => bytes.Length;

    public Task<byte[]> ReadAsync(long offset, int length, CancellationToken cancellationToken) =>
        Task.FromResult(offset >= 0 && length >= 0 && offset + length <= bytes.Length
            ? bytes.AsSpan((int)offset, length).ToArray()
            : throw new InvalidDataException($"a section ({length} bytes at {offset}) runs past the end of the file ({bytes.Length} bytes)"));

    public void Dispose()
    {
    }
}

/// <summary>
/// A snapshot file (files mode), through one handle opened at start and kept until the search index is read: a
/// snapshot moved into place meanwhile (a new <c>leaflets snapshot</c>) is never mixed into the one being read.
/// </summary>
public sealed class HandleSnapshotFile(SafeFileHandle handle, long length) : ISnapshotFile
{
    public long Length => length;

    public async Task<byte[]> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        if (offset < 0 || count < 0 || offset + count > length)
        {
            throw new InvalidDataException($"a section ({count} bytes at {offset}) runs past the end of the file ({length} bytes)");
        }
        var buffer = new byte[count];
        var total = 0;
        while (total < count)
        {
            var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(total), offset + total, cancellationToken);
            if (read == 0)
            {
                throw new InvalidDataException($"the file ends at {offset + total} bytes, before its section does (cut short)");
            }
            total += read;
        }
        return buffer;
    }

    public void Dispose() => handle.Dispose();
}
