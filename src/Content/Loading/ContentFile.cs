using System.Collections.Immutable;

namespace Leaflets.Content.Loading;

/// <summary>
/// One file of a content tree, read into memory. <see cref="Path"/> is relative to the content root,
/// with forward slashes (for example <c>leaflets/cementoplasty/plain.md</c>), whatever the source is.
/// A file the source would not read (not a regular file, or over <see cref="ContentLimits.MaxFileBytes"/>)
/// arrives with no bytes and a <see cref="Refusal"/>, so the loader reports it against that leaflet alone.
/// </summary>
public sealed record ContentFile(string Path, ImmutableArray<byte> Bytes)
{
    /// <summary>
    /// When the file's content last changed, as its source records it (a file's last write; in a blob container, the
    /// time <c>publish</c> uploaded it), to the second in UTC: leaflets are dated no finer than HTTP's Last-Modified.
    /// The default (<see cref="DateTimeOffset.MinValue"/>) means the source does not know.
    /// </summary>
    public DateTimeOffset LastModified
    {
        get;
        init => field = new DateTimeOffset(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    } = DateTimeOffset.MinValue;

    /// <summary>Why the source did not read this file; null for a file that was read.</summary>
    public ContentFileRefusal? Refusal { get; init; }

    public static ContentFile Refused(string path, string rule, string message) =>
        new(path, ImmutableArray<byte>.Empty) { Refusal = new ContentFileRefusal(rule, message) };
}

/// <summary>A content rule (<see cref="ContentRules"/>) the source applied before reading, with its message.</summary>
public sealed record ContentFileRefusal(string Rule, string Message);
