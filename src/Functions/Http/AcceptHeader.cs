using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Leaflets.Functions.Http;

/// <summary>Reads the Accept header (RFC 9110 section 12.5.1) to decide which media type, if any, a client takes.</summary>
public static class AcceptHeader
{
    public static bool Accepts(StringValues fieldLines, string mediaType) => Choose(fieldLines, mediaType) is not null;

    /// <summary>
    /// The offered media type the client prefers, or null when the header rules them all out (answer 406).
    /// Each offer is weighed by the most specific range that covers it (<c>type/sub</c>, then <c>type/*</c>,
    /// then <c>*/*</c>); weight 0 means "not this". Ties go to the earlier offer, so list the server's
    /// preference first. No Accept header takes the first offer.
    /// </summary>
    public static string? Choose(StringValues fieldLines, params ReadOnlySpan<string> offered)
    {
        var ranges = Parse(fieldLines);
        string? best = null;
        var bestWeight = 0.0;
        foreach (var offer in offered)
        {
            var weight = ranges.IsEmpty ? 1.0 : WeightOf(offer, ranges);
            if (weight > bestWeight)
            {
                best = offer;
                bestWeight = weight;
            }
        }
        return best;
    }

    /// <summary>
    /// The elements of a comma-separated header with q-values (Accept, Accept-Encoding), names in lower case, in the
    /// order sent; empty when the header is absent or blank.
    /// </summary>
    internal static ImmutableArray<(string Name, double Weight)> Parse(StringValues fieldLines) => Parsed.Of(fieldLines);

    private static readonly ParsedHeaders<ImmutableArray<(string Name, double Weight)>> Parsed = new(fieldLines =>
    [
        .. Elements(fieldLines)
            .Where(element => element.Name.Length > 0)
            .Select(element => (element.Name.ToLowerInvariant(), element.Weight)),
    ]);

    /// <summary>
    /// Every element of a comma-separated header with q-values (Accept, Accept-Encoding, Accept-Language), in the order
    /// sent: its first part trimmed, as sent (empty for an empty element), and its q. Each header keeps the names it reads.
    /// </summary>
    internal static IEnumerable<(string Name, double Weight)> Elements(StringValues fieldLines) =>
        fieldLines
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .SelectMany(line => line!.Split(','))
            .Select(element => element.Split(';'))
            .Select(parameters => (parameters[0].Trim(), QualityOf(parameters)));

    private static double WeightOf(string mediaType, ImmutableArray<(string Name, double Weight)> ranges)
    {
        var type = mediaType.AsSpan(0, mediaType.IndexOf('/'));
        var bestSpecificity = -1;
        var weight = 0.0;
        foreach (var (name, quality) in ranges)
        {
            var specificity = name == mediaType ? 2 : IsTypeWildcard(name, type) ? 1 : name == "*/*" ? 0 : -1;
            if (specificity > bestSpecificity)
            {
                bestSpecificity = specificity;
                weight = quality;
            }
        }
        return weight;
    }

    /// <summary>Whether <paramref name="range"/> is <c>type/*</c>.</summary>
    private static bool IsTypeWildcard(string range, ReadOnlySpan<char> type) =>
        range.Length == type.Length + 2 && range.AsSpan().StartsWith(type, StringComparison.Ordinal) && range.EndsWith("/*", StringComparison.Ordinal);

    /// <summary>The q parameter of one comma-separated element (RFC 9110 section 12.4.2), split at ';': 1 when absent, 0 when malformed.</summary>
    private static double QualityOf(string[] parameters)
    {
        for (var i = 1; i < parameters.Length; i++)
        {
            var pair = parameters[i].Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                return double.TryParse(pair[1].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q)
                    ? Math.Clamp(q, 0, 1)
                    : 0;
            }
        }
        return 1;
    }
}
