using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Leaflets.Content.Model;

namespace Leaflets.Content.Sync;

/// <summary>
/// What a partner mirroring the library polls: every leaflet served, with what identifies each variant's content
/// (version, content hash, dates). A leaflet no longer served is simply absent, which is how a removal shows.
/// <c>modifiedSince</c> narrows it to the leaflets changed at or after a time (inclusive, since dates are to the second and
/// a change in the same second as the partner's last poll must not be missed); a narrowed manifest cannot show removals.
/// </summary>
public static class LeafletManifest
{
    public const string ModifiedSinceParameter = "modifiedSince";

    /// <summary>RFC 3339 date-times with a zone (<c>Z</c> or an offset), with or without fractions of a second.</summary>
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    /// <summary>
    /// The leaflets in id order, only those whose <see cref="Leaflet.DateModified"/> is at or after <paramref name="modifiedSince"/>
    /// when it is given.
    /// </summary>
    public static IReadOnlyList<Leaflet> Select(IEnumerable<Leaflet> leaflets, DateTimeOffset? modifiedSince) =>
        [.. leaflets
            .Where(leaflet => modifiedSince is not { } since || leaflet.DateModified >= since)
            .OrderBy(leaflet => leaflet.Id, StringComparer.Ordinal)];

    /// <summary>
    /// Reads <c>modifiedSince</c>: absent is null; otherwise an RFC 3339 date-time with its zone (a time without one would
    /// mean a different instant on each partner's machine). On failure <paramref name="error"/> says what is expected.
    /// </summary>
    public static bool TryParseModifiedSince(string? value, out DateTimeOffset? since, [NotNullWhen(false)] out string? error)
    {
        (since, error) = (null, null);
        if (value is null)
        {
            return true;
        }
        // RFC 3339 allows a lowercase t and z.
        if (DateTimeOffset.TryParseExact(value.ToUpperInvariant(), DateTimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            since = parsed;
            return true;
        }
        error = $"'{ModifiedSinceParameter}' must be an RFC 3339 date-time with a time zone, such as 2026-11-28T09:30:00Z; got '{value}'.";
        return false;
    }
}
