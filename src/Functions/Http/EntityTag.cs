using System.Buffers;
using Leaflets.Content.Rendering;
using Microsoft.Extensions.Primitives;

namespace Leaflets.Functions.Http;

/// <summary>A strong entity tag (RFC 9110 section 8.8.3), written with its quotes: <c>"3f2a..."</c>.</summary>
public sealed record EntityTag
{
    private EntityTag(string quoted) => Quoted = quoted;

    public string Quoted { get; }

    public override string ToString() => Quoted;

    /// <summary>
    /// The tag of a representation version: <see cref="RepresentationVersions"/> (or a PDF request's version) decides
    /// which inputs shape the bytes, and so when the tag changes.
    /// </summary>
    public static EntityTag Of(string version) => new('"' + version + '"');

    public static EntityTag OfBytes(ReadOnlySpan<byte> bytes) => Of(RepresentationVersions.OfBytes(bytes));

    /// <summary>
    /// The tag of this representation's bytes in <paramref name="coding"/> (<c>"3f2a...-br"</c>); this tag itself for
    /// none. A strong tag names exact bytes, and the encoded bytes are not the identity bytes.
    /// </summary>
    public EntityTag InCoding(ContentCoding? coding) => coding is null ? this : new(Quoted[..^1] + coding.TagSuffix + '"');

    /// <summary>
    /// Whether an If-None-Match header (one or more field lines, which together form one list) matches this tag:
    /// <c>*</c> alone matches any current representation, otherwise any listed tag whose opaque part equals ours,
    /// with or without <c>W/</c> (RFC 9110 section 13.1.2 uses the weak comparison). A field that is not exactly
    /// <c>*</c> or a comma-separated list of entity tags matches nothing, wherever the garbage is, so the client
    /// simply gets the full response.
    /// </summary>
    public bool MatchesIfNoneMatch(StringValues fieldLines)
    {
        var field = string.Join(',', fieldLines.Where(line => line is not null)).Trim(Whitespace);
        if (field == "*")
        {
            return true;
        }
        var matched = false;
        var position = 0;
        while (true)
        {
            // RFC 9110 section 5.6.1: empty list elements (",,") are allowed and ignored.
            while (position < field.Length && (field[position] == ',' || Whitespace.Contains(field[position])))
            {
                position++;
            }
            if (position == field.Length)
            {
                return matched;
            }
            if (string.CompareOrdinal(field, position, "W/", 0, 2) == 0)
            {
                position += 2;
            }
            if (position == field.Length || field[position] != '"')
            {
                return false;
            }
            var close = field.IndexOf('"', position + 1);
            if (close < 0 || field.AsSpan(position + 1, close - position - 1).ContainsAnyExcept(EntityTagCharacters))
            {
                return false;
            }
            matched |= field.AsSpan(position, close - position + 1).SequenceEqual(Quoted);
            position = close + 1;
            while (position < field.Length && Whitespace.Contains(field[position]))
            {
                position++;
            }
            if (position < field.Length && field[position] != ',')
            {
                return false;
            }
        }
    }

    private static readonly char[] Whitespace = [' ', '\t'];

    /// <summary>RFC 9110 section 8.8.3 etagc: any visible character but a quote, or obs-text.</summary>
    private static readonly SearchValues<char> EntityTagCharacters = SearchValues.Create(
        [(char)0x21, .. Enumerable.Range(0x23, 0x7E - 0x23 + 1).Select(c => (char)c), .. Enumerable.Range(0x80, 0x80).Select(c => (char)c)]);
}
