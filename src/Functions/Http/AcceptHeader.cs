using Microsoft.Extensions.Primitives;

namespace Leaflets.Functions.Http;

/// <summary>Reads the Accept header just enough to know whether one media type is acceptable (RFC 9110 section 12.5.1).</summary>
public static class AcceptHeader
{
    /// <summary>
    /// No Accept header accepts anything. Otherwise the most specific range that covers
    /// <paramref name="mediaType"/> decides, and a weight of 0 means "not this".
    /// </summary>
    public static bool Accepts(StringValues fieldLines, string mediaType)
    {
        var ranges = fieldLines
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .SelectMany(line => line!.Split(','))
            .Where(range => range.Trim().Length > 0)
            .ToList();
        if (ranges.Count == 0)
        {
            return true;
        }

        var slash = mediaType.IndexOf('/');
        var type = mediaType[..slash];
        var best = -1;
        var bestWeight = 0.0;
        foreach (var range in ranges)
        {
            var parameters = range.Split(';');
            var name = parameters[0].Trim().ToLowerInvariant();
            var specificity = name == mediaType ? 2 : name == type + "/*" ? 1 : name == "*/*" ? 0 : -1;
            if (specificity <= best)
            {
                continue;
            }
            best = specificity;
            bestWeight = WeightOf(parameters);
        }
        return best >= 0 && bestWeight > 0;
    }

    private static double WeightOf(string[] parameters)
    {
        foreach (var parameter in parameters.Skip(1))
        {
            var pair = parameter.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                return double.TryParse(pair[1].Trim(), System.Globalization.NumberStyles.AllowDecimalPoint,
                    System.Globalization.CultureInfo.InvariantCulture, out var weight) ? weight : 0;
            }
        }
        return 1;
    }
}
