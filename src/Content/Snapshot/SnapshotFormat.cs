using System.Reflection;

namespace Leaflets.Content.Snapshot;

/// <summary>
/// The layout of a compiled snapshot (<see cref="ContentSnapshot"/>) and where one is kept. <see cref="Version"/> moves
/// whenever the layout or the model it holds changes: a snapshot of another version is never read as this one (its
/// name differs, and its header says so), so an instance of a newer app loads the Markdown instead.
/// </summary>
public static class SnapshotFormat
{
    /// <summary>Moved whenever the layout, or anything of the model it stores (metadata, images, problems, checks, search index), changes.</summary>
    public const int Version = 7;

    /// <summary>The folder of a content folder (files mode) the snapshot is written to: beside leaflets/, which the loader owns.</summary>
    public const string FilesFolder = ".snapshot";

    /// <summary>The file name, by version, so snapshots of two app versions can sit side by side while both are deployed.</summary>
    public static string FileName { get; } = $"v{Version}.bin";

    /// <summary>The blob a container's snapshot is kept in; <c>publish</c> uploads it last.</summary>
    public static string BlobName { get; } = $"snapshot/{FileName}";

    /// <summary>The largest snapshot read; a larger one is refused, as any file over a bound is.</summary>
    public const int MaxBytes = 1024 * 1024 * 1024;

    /// <summary>
    /// The sections after the header, in this order: the head (the small parts and the directory of the leaflets, read
    /// at start), the leaflets' chunks (each read and checked on its own, against the directory), the search index (read
    /// after serving has begun).
    /// </summary>
    internal const int SectionCount = 3;

    /// <summary>One row of the section table: offset and length (longs) and SHA-256.</summary>
    internal const int SectionEntryLength = (2 * sizeof(long)) + 32;

    /// <summary>The magic, the version, the section count and the section table.</summary>
    internal const int HeaderLength = 8 + (2 * sizeof(int)) + (SectionCount * SectionEntryLength);

    /// <summary>The first bytes of every snapshot.</summary>
    internal static ReadOnlySpan<byte> Magic => "LEAFSNAP"u8;

    /// <summary>The app that wrote a snapshot, for a reader's warning (the format version, not this, decides whether it is read).</summary>
    public static string AppVersion { get; } =
        typeof(SnapshotFormat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}

/// <summary>One section of a snapshot file: where it lies and the SHA-256 (lowercase hex) its bytes must have.</summary>
public sealed record SnapshotSection(long Offset, long Length, string Sha256)
{
    internal bool Matches(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash) == Sha256;
}
