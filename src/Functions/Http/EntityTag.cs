using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Leaflets.Functions.Http;

/// <summary>A strong entity tag (RFC 9110 section 8.8.3), written with its quotes: <c>"3f2a..."</c>.</summary>
public sealed record EntityTag
{
    private EntityTag(string quoted) => Quoted = quoted;

    public string Quoted { get; }

    public override string ToString() => Quoted;

    /// <summary>
    /// A tag over everything that shapes the bytes of a response (content hash, variant, representation, ...):
    /// if any part changes, the tag changes. 128 bits of SHA-256 are plenty to tell versions apart.
    /// </summary>
    public static EntityTag Derive(params ReadOnlySpan<string> parts)
    {
        var joined = string.Join('\n', parts.ToArray());
        return new EntityTag('"' + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)), 0, 16) + '"');
    }

    public static EntityTag OfBytes(ReadOnlySpan<byte> bytes) =>
        new('"' + Convert.ToHexStringLower(SHA256.HashData(bytes), 0, 16) + '"');

    /// <summary>
    /// Whether an If-None-Match header (one or more field lines) matches this tag: <c>*</c> matches any current
    /// representation, otherwise any listed tag whose opaque part equals ours, with or without <c>W/</c>
    /// (RFC 9110 section 13.1.2 uses the weak comparison). A malformed field matches nothing, so the
    /// client simply gets the full response.
    /// </summary>
    public bool MatchesIfNoneMatch(StringValues fieldLines)
    {
        foreach (var line in fieldLines)
        {
            if (line is not null && LineMatches(line))
            {
                return true;
            }
        }
        return false;
    }

    private bool LineMatches(string line)
    {
        var position = 0;
        while (true)
        {
            while (position < line.Length && (line[position] is ' ' or '\t' or ','))
            {
                position++;
            }
            if (position >= line.Length)
            {
                return false;
            }
            if (line[position] == '*')
            {
                return true;
            }
            if (string.CompareOrdinal(line, position, "W/", 0, 2) == 0)
            {
                position += 2;
            }
            if (position >= line.Length || line[position] != '"')
            {
                return false;
            }
            var close = line.IndexOf('"', position + 1);
            if (close < 0)
            {
                return false;
            }
            if (line.AsSpan(position, close - position + 1).SequenceEqual(Quoted))
            {
                return true;
            }
            position = close + 1;
        }
    }
}
