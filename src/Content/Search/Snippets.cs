using System.Collections.Frozen;
using System.Collections.Immutable;
using Leaflets.Content.Model;

namespace Leaflets.Content.Search;

/// <summary>A piece of a snippet: words as written, and whether they are words the search matched.</summary>
public sealed record SnippetPart(string Text, bool IsMatch);

/// <summary>
/// A few words of a leaflet around the first words a search matched, in <see cref="Language"/> (the language of the
/// text it was cut from, which may not be the one its list shows), so a reader sees why the leaflet was found.
/// </summary>
public sealed record Snippet(string Language, ImmutableArray<SnippetPart> Parts)
{
    /// <summary>The snippet as plain text (the JSON's <c>snippet</c>).</summary>
    public string Text => string.Concat(Parts.Select(part => part.Text));
}

/// <summary>Cuts snippets from <see cref="SearchableTexts"/>, marking the words whose terms a query matched.</summary>
internal static class Snippets
{
    /// <summary>Characters of a snippet, about two lines of a results list: enough to see the matched words in context.</summary>
    public const int MaxLength = 160;

    /// <summary>Characters kept before the first matched word, so it is read in its sentence.</summary>
    private const int Lead = 50;

    /// <summary>Where the snippet leaves out words before or after it.</summary>
    private const string Ellipsis = "…";

    /// <param name="texts">The leaflet's searchable texts, in the order <see cref="SearchableTexts.Of(Leaflet)"/> gives them.</param>
    /// <param name="matched">The terms the query matched, by analyzer key (<see cref="SearchAnalyzers.KeyOf"/>).</param>
    /// <param name="holds">
    /// Whether the leaflet's texts of a field in a language (by analyzer key) hold any matched term at all, as the index
    /// knows without reading them: a field that does not is not analysed. Without it (null) every field is. A word found
    /// only in titles (the usual case for a library's subjects) otherwise had every body of every variant and language
    /// analysed first, tens of kilobytes a leaflet, for each of a page's leaflets (bench/README, "Scale").
    /// </param>
    /// <returns>Null when no searchable text of the leaflet holds a matched term (a match only a filter made).</returns>
    public static Snippet? Cut(IReadOnlyList<SearchableText> texts, FrozenDictionary<string, FrozenSet<string>> matched, Func<SearchField, string, bool>? holds = null)
    {
        if (matched.Count == 0)
        {
            return null;
        }
        foreach (var field in SearchableTexts.SnippetOrder)
        {
            // The languages whose texts of this field hold a matched term; none, and the field's texts are not analysed.
            var keys = matched.Keys.Where(key => holds is null || holds(field, key)).ToHashSet(StringComparer.Ordinal);
            if (keys.Count == 0)
            {
                continue;
            }
            foreach (var text in texts.Where(text => text.Field == field))
            {
                var key = SearchAnalyzers.KeyOf(text.Language);
                if (!keys.Contains(key) || !matched.TryGetValue(key, out var terms))
                {
                    continue;
                }
                var tokens = SearchAnalyzers.Terms(key, text.Text);
                var first = tokens.FindIndex(token => terms.Contains(token.Term));
                if (first >= 0)
                {
                    return Around(text, tokens, first, terms);
                }
            }
        }
        return null;
    }

    private static Snippet Around(SearchableText text, List<(string Term, int Start, int End)> tokens, int first, FrozenSet<string> terms)
    {
        var source = text.Text;
        var start = Math.Max(0, tokens[first].Start - Lead);
        if (start > 0)
        {
            // Start at a word: after the last space before the cut, unless the matched word itself would be lost.
            var space = source.IndexOf(' ', start);
            start = space >= 0 && space < tokens[first].Start ? space + 1 : tokens[first].Start;
        }
        // The matched word whole, however long (a word may be longer than a snippet); else end at a word.
        var end = Math.Min(source.Length, Math.Max(start + MaxLength, tokens[first].End));
        if (end < source.Length)
        {
            var space = source.LastIndexOf(' ', end - 1, end - tokens[first].End);
            end = space > tokens[first].End ? space : end;
        }

        var parts = ImmutableArray.CreateBuilder<SnippetPart>();
        if (start > 0)
        {
            parts.Add(new SnippetPart(Ellipsis, false));
        }
        var at = start;
        foreach (var (term, tokenStart, tokenEnd) in tokens.Skip(first))
        {
            if (tokenEnd > end)
            {
                break;
            }
            if (!terms.Contains(term))
            {
                continue;
            }
            if (tokenStart > at)
            {
                parts.Add(new SnippetPart(OneLine(source[at..tokenStart]), false));
            }
            parts.Add(new SnippetPart(OneLine(source[tokenStart..tokenEnd]), true));
            at = tokenEnd;
        }
        if (end > at)
        {
            parts.Add(new SnippetPart(OneLine(source[at..end]), false));
        }
        if (end < source.Length)
        {
            parts.Add(new SnippetPart(Ellipsis, false));
        }
        return new Snippet(text.Language, parts.ToImmutable());
    }

    /// <summary>A paragraph's soft line breaks are spaces to a reader.</summary>
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
