using System.Collections.Immutable;
using System.Globalization;
using Leaflets.Content.Model;

namespace Leaflets.Content.Search;

/// <summary>A clinical code to filter on, written <c>SYSTEM|CODE</c> (for example <c>SNOMED-CT|94222008</c>).</summary>
public sealed record CodeFilter(string System, string Code)
{
    public override string ToString() => $"{System}|{Code}";
}

/// <summary>The order of a list of leaflets (<c>?sort=</c>).</summary>
public enum LeafletSort
{
    /// <summary>Best match first (BM25, title and synonyms weighted up), ties by id; with no words every leaflet is equally relevant, so this is id order.</summary>
    Relevance,
    /// <summary>Alphabetical by the plain title (<see cref="LeafletSearch.ByTitle"/>).</summary>
    Title,
    /// <summary>Most recently reviewed first (the plain variant's lastReviewed), ties by id.</summary>
    Reviewed,
}

public static class LeafletSorts
{
    public const string Parameter = "sort";

    public static IReadOnlyList<LeafletSort> All { get; } = Enum.GetValues<LeafletSort>();

    /// <summary>The value of <c>?sort=</c>: relevance, title or reviewed.</summary>
    public static string Slug(this LeafletSort sort) => sort.ToString().ToLowerInvariant();

    public static bool TryParse(string slug, out LeafletSort sort)
    {
        sort = All.FirstOrDefault(each => string.Equals(each.Slug(), slug, StringComparison.Ordinal));
        return string.Equals(sort.Slug(), slug, StringComparison.Ordinal);
    }
}

/// <summary>A validated search of the catalog. Build one with <see cref="Parse"/>, which names every bad input.</summary>
public sealed record LeafletQuery(ImmutableArray<string> Words, string? Topic, CodeFilter? Code, int Page, int PageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>
    /// Characters in <c>q</c>: four times the longest real title, ample for what a person types, and a bound on what one
    /// query can make the index do.
    /// </summary>
    public const int MaxQueryLength = 200;

    /// <summary>Words in <c>q</c>: each word is one clause over every field and language, so the count bounds a query's cost.</summary>
    public const int MaxWords = 10;

    /// <summary>The order asked for; relevance unless <c>sort</c> says otherwise.</summary>
    public LeafletSort Sort { get; init; } = LeafletSort.Relevance;

    public static LeafletQuery Default { get; } = new([], null, null, 1, DefaultPageSize);

    /// <summary>Only leaflets written in this language (their main language or a translation's); null for all.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// Every part of the query that shapes its page, each set apart so no two queries share a key: what a remembered
    /// page (<see cref="RememberedSearches"/>, a rendered list) is kept under.
    /// </summary>
    public string Key
    {
        get
        {
            const char Separator = '\u001f';
            var key = new System.Text.StringBuilder();
            foreach (var word in Words)
            {
                key.Append(word).Append(Separator);
            }
            return key.Append(Separator).Append(Topic).Append(Separator).Append(Code?.System).Append(Separator)
                .Append(Code?.Code).Append(Separator).Append(Language).Append(Separator).Append(Sort.Slug())
                .Append(Separator).Append(Page.ToString(CultureInfo.InvariantCulture)).Append(Separator)
                .Append(PageSize.ToString(CultureInfo.InvariantCulture)).ToString();
        }
    }

    /// <summary>
    /// Reads the raw query values (null when absent). Every invalid value is reported, each message naming
    /// the parameter, what was given and what is allowed, so one answer lets a caller fix all of them.
    /// </summary>
    public static QueryParseResult Parse(
        string? q, string? topic, string? code, string? page, string? pageSize, string? lang = null, string? sort = null)
    {
        var errors = ImmutableArray.CreateBuilder<QueryError>();

        var words = string.IsNullOrWhiteSpace(q)
            ? ImmutableArray<string>.Empty
            : [.. q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        if (q is { Length: > MaxQueryLength })
        {
            errors.Add(new QueryError("q", $"q must be at most {MaxQueryLength} characters; got {q.Length}."));
        }
        else if (words.Length > MaxWords)
        {
            errors.Add(new QueryError("q", $"q must have at most {MaxWords} words; got {words.Length}."));
        }

        var order = LeafletSort.Relevance;
        if (sort is not null && !LeafletSorts.TryParse(sort, out order))
        {
            errors.Add(new QueryError(LeafletSorts.Parameter, ChoiceMessages.MustBeOneOf(LeafletSorts.Parameter, LeafletSorts.All.Select(s => s.Slug()), sort)));
        }

        CodeFilter? codeFilter = null;
        if (code is not null)
        {
            var parts = code.Split('|');
            if (parts.Length == 2 && parts[0].Trim().Length > 0 && parts[1].Trim().Length > 0)
            {
                codeFilter = new CodeFilter(parts[0].Trim(), parts[1].Trim());
            }
            else
            {
                errors.Add(new QueryError("code", $"code must be written SYSTEM|CODE, for example 'SNOMED-CT|94222008'; got '{code}'."));
            }
        }

        if (lang is not null && !LanguageTags.IsWellFormed(lang))
        {
            errors.Add(new QueryError(LanguageTags.Parameter, LanguageTags.NotATag(lang)));
        }

        var pageNumber = ParseWholeNumber(page, 1, 1, int.MaxValue, "page", "a whole number from 1 upwards", errors);
        var size = ParseWholeNumber(pageSize, DefaultPageSize, 1, MaxPageSize, "pageSize", $"a whole number from 1 to {MaxPageSize}", errors);

        var trimmedTopic = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim();
        return errors.Count > 0
            ? new QueryParseResult(null, errors.ToImmutable())
            : new QueryParseResult(new LeafletQuery(words, trimmedTopic, codeFilter, pageNumber, size) { Language = lang, Sort = order }, []);
    }

    private static int ParseWholeNumber(
        string? raw, int absent, int min, int max, string name, string allowed, ImmutableArray<QueryError>.Builder errors)
    {
        if (raw is null)
        {
            return absent;
        }
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors.Add(new QueryError(name, $"{name} must be {allowed}; got '{raw}'."));
        return absent;
    }
}

public sealed record QueryError(string Parameter, string Message);

public sealed record QueryParseResult(LeafletQuery? Query, ImmutableArray<QueryError> Errors)
{
    public bool IsValid => Query is not null;
}
