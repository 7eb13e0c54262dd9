using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Leaflets.Content.Model;
using Microsoft.Extensions.Primitives;

namespace Leaflets.Functions.Http;

/// <summary>
/// Which language a response is in: <c>?lang=</c> when the request names one (a link, so it always wins), else the
/// Accept-Language header (RFC 9110 section 12.5.4), else the resource's default. Tags compare as BCP 47 tags do,
/// ignoring case.
/// </summary>
public static class LanguageNegotiation
{
    public const string Parameter = LanguageTags.Parameter;

    /// <summary>
    /// Chooses one of <paramref name="offered"/> (BCP 47 tags; <c>offered[0]</c> is the default): <c>?lang=</c> when
    /// given (400 problem when not a well-formed tag; 404 problem listing the offered languages when not offered), else
    /// the Accept-Language header (q-values; RFC 4647 lookup both ways: <c>cy-GB</c> matches <c>cy</c>, <c>en</c>
    /// matches <c>en-GB</c>), else the first offered language the header does not rule out; a 406 problem when it rules
    /// them all out (<c>*;q=0</c>).
    /// </summary>
    public static bool TryChoose(
        HttpRequest request, IReadOnlyList<string> offered,
        [NotNullWhen(true)] out string? language, [NotNullWhen(false)] out ProblemResult? problem)
    {
        if (offered.Count == 0)
        {
            throw new ArgumentException("A resource offers at least one language.", nameof(offered));
        }
        if (request.Query(Parameter) is { } asked)
        {
            return TryChooseAsked(asked, offered, out language, out problem);
        }
        language = ChooseAccepted(request.Headers.AcceptLanguage, offered);
        problem = language is null ? Problems.NoAcceptableLanguage(offered) : null;
        return language is not null;
    }

    private static bool TryChooseAsked(
        string asked, IReadOnlyList<string> offered, [NotNullWhen(true)] out string? language, [NotNullWhen(false)] out ProblemResult? problem)
    {
        language = null;
        if (!LanguageTags.IsWellFormed(asked))
        {
            problem = Problems.InvalidParameter(LanguageTags.NotATag(asked));
            return false;
        }
        language = offered.FirstOrDefault(tag => LanguageTags.Comparer.Equals(tag, asked));
        problem = language is null ? Problems.LanguageNotOffered(asked, offered) : null;
        return language is not null;
    }

    /// <summary>
    /// The offered language the Accept-Language header prefers. Ranges are tried from the highest q down (ties in
    /// header order); each takes an exact match first, then an offered tag it is a prefix of (<c>en</c> → <c>en-GB</c>),
    /// then a match for itself shortened one subtag at a time (<c>cy-GB</c> → <c>cy</c>). When no range matches, the
    /// first offered language not ruled out; null when every one is.
    /// </summary>
    private static string? ChooseAccepted(StringValues fieldLines, IReadOnlyList<string> offered)
    {
        var accepted = Parsed.Of(fieldLines);
        if (accepted.Ranges.IsEmpty)
        {
            return offered[0]; // nothing asked for and nothing ruled out: the default
        }
        var allowed = offered.Where(tag => !IsRuledOut(tag, accepted.Ranges)).ToList();
        foreach (var name in accepted.Wanted)
        {
            if (Match(name, allowed) is { } match)
            {
                return match;
            }
        }
        return allowed.FirstOrDefault();
    }

    /// <summary>
    /// A tag is ruled out when the most specific range that concerns it has q=0, as with media ranges: in
    /// <c>cy, *;q=0</c> only <c>cy</c> is left. A wanted range concerns the tags it shortens to as well.
    /// </summary>
    private static bool IsRuledOut(string tag, ImmutableArray<(string Name, double Quality)> ranges)
    {
        var bestSpecificity = -1;
        var quality = 1.0;
        foreach (var (name, q) in ranges)
        {
            var specificity = LanguageTags.Covers(name, tag) ? (name == "*" ? 0 : name.Length)
                : q > 0 && ShortensTo(name, tag) ? tag.Length
                : -1;
            if (specificity > bestSpecificity)
            {
                (bestSpecificity, quality) = (specificity, q);
            }
        }
        return quality == 0;
    }

    private static bool ShortensTo(string range, string tag)
    {
        for (var shorter = Shorten(range); shorter is not null; shorter = Shorten(shorter))
        {
            if (LanguageTags.Comparer.Equals(shorter, tag))
            {
                return true;
            }
        }
        return false;
    }

    private static string? Match(string range, List<string> allowed)
    {
        if (range == "*")
        {
            return allowed.FirstOrDefault();
        }
        var exactOrPrefix = allowed.FirstOrDefault(tag => LanguageTags.Comparer.Equals(tag, range))
            ?? allowed.FirstOrDefault(tag => LanguageTags.Covers(range, tag));
        if (exactOrPrefix is not null)
        {
            return exactOrPrefix;
        }
        return allowed.FirstOrDefault(tag => ShortensTo(range, tag));
    }

    /// <summary>RFC 4647 section 3.4: drop the last subtag, and a single-letter one left in front of it.</summary>
    private static string? Shorten(string range)
    {
        var cut = range.LastIndexOf('-');
        if (cut < 0)
        {
            return null;
        }
        var shorter = range[..cut];
        return shorter.Length >= 2 && shorter[^2] == '-' ? shorter[..^2] : shorter;
    }

    /// <summary>
    /// An Accept-Language header read: its ranges in header order (one that is neither <c>*</c> nor shaped like a tag is
    /// ignored), and the names of those wanted (q above 0) from the highest q down, ties in header order.
    /// </summary>
    private sealed record AcceptedLanguages(ImmutableArray<(string Name, double Quality)> Ranges, ImmutableArray<string> Wanted);

    private static readonly ParsedHeaders<AcceptedLanguages> Parsed = new(fieldLines =>
    {
        ImmutableArray<(string Name, double Quality)> ranges =
        [
            .. AcceptHeader.Elements(fieldLines).Where(range => range.Name == "*" || LanguageTags.IsWellFormed(range.Name)),
        ];
        return new AcceptedLanguages(ranges, [.. ranges.Where(range => range.Quality > 0).OrderByDescending(range => range.Quality).Select(range => range.Name)]);
    });
}
