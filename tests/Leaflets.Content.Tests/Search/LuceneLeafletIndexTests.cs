using System.Collections.Immutable;
using System.Diagnostics;
using Leaflets.Content.Model;
using Leaflets.Content.Search;
using Lucene.Net.Store;

namespace Leaflets.Content.Tests.Search;

public sealed class LuceneLeafletIndexTests : IDisposable
{
    private readonly LuceneLeafletIndex _index = LuceneLeafletIndex.Build(SearchLeaflets.Library);

    public void Dispose() => _index.Dispose();

    private SearchPage Find(string? q, string? topic = null, string? code = null, string? lang = null, string? sort = null, string? page = null, string? pageSize = null)
    {
        var parsed = LeafletQuery.Parse(q, topic, code, page, pageSize, lang, sort);
        Assert.True(parsed.IsValid, string.Join(" ", parsed.Errors.Select(error => error.Message)));
        return _index.SearchNow(parsed.Query!);
    }

    private IEnumerable<string> Ids(string? q, string? topic = null, string? code = null, string? lang = null, string? sort = null)
        => Find(q, topic, code, lang, sort).Items.Select(leaflet => leaflet.Id);

    [Fact]
    public void Search_ranks_a_word_in_the_title_above_the_same_word_in_the_body()
        => Assert.Equal(["bone-scan", "blood-test"], Ids("scan"));

    [Fact]
    public void The_warm_up_searches_words_of_the_library_s_own_titles_and_each_of_its_searches_finds_a_leaflet()
    {
        var queries = _index.WarmUpQueries();

        // Five leaflets; "Having a bone scan" gives one word ("Having"), the others two: one search and a two-word one each.
        Assert.Equal(9, queries.Count);
        Assert.Contains(queries, query => query.Words.SequenceEqual(["Strengthening", "painful"]));
        Assert.All(queries, query => Assert.NotEmpty(_index.SearchNow(query).Items));
        Assert.Equal(queries.Count, _index.WarmUp());
    }

    [Fact]
    public void The_warm_up_is_bounded_whatever_the_library_s_size_and_takes_its_words_from_all_over_it()
    {
        var library = Enumerable.Range(0, 100)
            .Select(i => SearchLeaflets.Make($"leaflet-{i:000}", $"Caring for {(char)('a' + (i / 26))}{(char)('a' + (i % 26))}stitches", "A summary.", ["A body."]))
            .ToList();
        using var index = LuceneLeafletIndex.Build(library);

        var twoWords = index.WarmUpQueries().Where(query => query.Words.Length == 2).Select(query => query.Words[1]).ToList();

        Assert.Equal(2 * LuceneLeafletIndex.WarmUpLeaflets, index.WarmUpQueries().Count);
        Assert.Equal(LuceneLeafletIndex.WarmUpLeaflets, twoWords.Distinct().Count());
        Assert.Equal("aastitches", twoWords[0]); // the first leaflet's
        Assert.Equal("drstitches", twoWords[^1]); // leaflet 95 of 100: 23 / 24 of the way
    }

    [Fact]
    public void Search_finds_a_word_in_the_body_text()
    {
        Assert.Equal(["blood-test"], Ids("wristband"));
        Assert.Equal(["bone-scan"], Ids("camera"));
    }

    [Fact]
    public void Search_stems_english_words_so_scans_finds_scan()
    {
        var ids = Ids("scans").ToList();
        Assert.Equal(["bone-scan", "blood-test"], ids.Take(2));
        Assert.Equal(["bone-scan"], Ids("bones scanning").Take(1));
    }

    [Fact]
    public void Search_finds_a_leaflet_by_a_synonym_and_ranks_it_above_a_word_in_passing()
    {
        Assert.Equal(["cementoplasty", "pain-diary"], Ids("injection"));
        Assert.Equal(["cementoplasty"], Ids("spine injection"));
    }

    [Fact]
    public void Search_finds_a_leaflet_by_the_name_of_its_clinical_code()
    {
        Assert.Equal(["cementoplasty"], Ids("neoplasm"));
        Assert.Equal(["bone-scan"], Ids("radionuclide"));
    }

    [Fact]
    public void Search_finds_a_word_with_a_typing_error()
    {
        Assert.Equal(["cementoplasty"], Ids("vertebroplasy"));
        Assert.Equal(["blood-test"], Ids("wristbnad"));
    }

    [Fact]
    public void Search_ranks_exact_matches_above_matches_with_a_typing_error()
        // "scans" is "scan" exactly in two leaflets and one letter from "scar" in the third.
        => Assert.Equal(["bone-scan", "blood-test", "knee-scar"], Ids("scans"));

    [Fact]
    public void Search_does_not_guess_at_words_of_fewer_than_five_letters()
    {
        Assert.Empty(Ids("scam"));
        Assert.Equal(["knee-scar"], Ids("scar"));
    }

    [Fact]
    public void Search_finds_welsh_words_in_a_welsh_translation()
    {
        Assert.Equal(["cementoplasty"], Ids("esgyrn"));
        var snippet = Find("sment").Snippets["cementoplasty"];
        Assert.Equal("cy", snippet.Language);
        Assert.Contains(new SnippetPart("sment", IsMatch: true), snippet.Parts);
    }

    [Fact]
    public void Every_word_must_match_somewhere()
    {
        Assert.Equal(["cementoplasty"], Ids("cement spine"));
        Assert.Empty(Ids("cement wristband"));
    }

    [Fact]
    public void Words_that_a_language_drops_as_stop_words_need_not_match()
        // English drops "the"; the Welsh fields (no stop words) would otherwise demand it of every leaflet.
        => Assert.Equal(["bone-scan", "blood-test"], Ids("the scan"));

    [Fact]
    public void Topic_and_code_filters_combine_with_the_words()
    {
        // "pain" in a title as written, then in a title as "painful", then only in a topic.
        Assert.Equal(["pain-diary", "cementoplasty", "blood-test"], Ids("pain"));
        Assert.Equal(["pain-diary", "cementoplasty", "blood-test"], Ids("pain", topic: "PAIN RELIEF"));
        Assert.Equal(["pain-diary"], Ids("diary", topic: "pain relief"));
        Assert.Empty(Ids("diary", topic: "scans"));
        Assert.Equal(["cementoplasty"], Ids("pain", code: "test|3"));
        Assert.Empty(Ids("pain", code: "TEST|1"));
        Assert.Equal(["blood-test"], Ids(null, code: "TEST|2"));
    }

    [Fact]
    public void The_language_filter_keeps_leaflets_written_in_that_language()
    {
        Assert.Equal(["cementoplasty"], Ids("bone", lang: "cy"));
        Assert.Equal(["bone-scan", "cementoplasty"], Ids("bone", lang: "en").Order());
        Assert.Empty(Ids("bone", lang: "fr"));
    }

    [Fact]
    public void Without_words_every_leaflet_is_listed_in_id_order()
    {
        var page = Find(null);
        Assert.Equal(SearchLeaflets.Library.Select(leaflet => leaflet.Id).Order(StringComparer.Ordinal), page.Items.Select(leaflet => leaflet.Id));
        Assert.Empty(page.Snippets);
    }

    [Fact]
    public void Sort_by_title_or_by_last_review_orders_the_matches_and_breaks_ties_by_id()
    {
        Assert.Equal(["blood-test", "bone-scan", "pain-diary", "knee-scar", "cementoplasty"], Ids(null, sort: "title"));
        // blood-test and pain-diary were reviewed the same day: id order between them.
        Assert.Equal(["blood-test", "pain-diary", "bone-scan", "knee-scar", "cementoplasty"], Ids(null, sort: "reviewed"));
        Assert.Equal(["blood-test", "pain-diary", "cementoplasty"], Ids("pain", sort: "title"));
    }

    [Fact]
    public void Pages_of_equally_relevant_leaflets_follow_id_order_and_neither_repeat_nor_skip_one()
    {
        var many = Enumerable.Range(1, 23)
            .Select(n => SearchLeaflets.Make($"leaflet-{n:D2}", $"Leaflet number {n}", "The same summary for each.", ["The same words in each."]))
            .Reverse()
            .ToList();
        using var index = LuceneLeafletIndex.Build(many);
        var pages = Enumerable.Range(1, 4)
            .Select(page => index.SearchNow(LeafletQuery.Parse("same words", null, null, page.ToString(), "7").Query!))
            .ToList();

        Assert.All(pages, page => Assert.Equal(23, page.Total));
        Assert.Equal(many.Select(leaflet => leaflet.Id).Order(StringComparer.Ordinal), pages.SelectMany(page => page.Items).Select(leaflet => leaflet.Id));
        Assert.Equal([7, 7, 7, 2], pages.Select(page => page.Items.Length));
    }

    [Theory]
    [InlineData("relevance")]
    [InlineData("title")]
    [InlineData("reviewed")]
    public void Pages_of_the_list_without_words_are_the_list_in_its_order_page_by_page_and_a_filter_that_keeps_every_leaflet_changes_nothing(string sort)
    {
        // A list's page is a slice of its order (not sorted by Lucene); with a filter it is Lucene's, which must agree.
        var whole = Find(null, sort: sort).Items.Select(leaflet => leaflet.Id).ToList();
        var paged = Enumerable.Range(1, 4).Select(page => Find(null, sort: sort, page: page.ToString(), pageSize: "2")).ToList();
        var filtered = Find(null, lang: "en", sort: sort);

        Assert.Equal(5, whole.Count);
        Assert.Equal(whole, paged.SelectMany(page => page.Items).Select(leaflet => leaflet.Id));
        Assert.All(paged, page => Assert.Equal(5, page.Total));
        Assert.Equal([2, 2, 1, 0], paged.Select(page => page.Items.Length));
        Assert.Equal(whole, filtered.Items.Select(leaflet => leaflet.Id));
    }

    [Fact]
    public void A_page_past_the_last_is_empty_and_still_counts_the_matches()
    {
        var page = Find("pain", page: "9", pageSize: "2");
        Assert.Empty(page.Items);
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public void Each_found_leaflet_has_a_snippet_with_the_matched_word_marked()
    {
        var page = Find("wristband");
        var snippet = page.Snippets["blood-test"];
        Assert.Equal("The nurse may scan your wristband before the test.", snippet.Text);
        Assert.Equal([new SnippetPart("wristband", IsMatch: true)], snippet.Parts.Where(part => part.IsMatch));
    }

    [Fact]
    public void A_snippet_marks_the_word_as_written_when_it_matched_by_stem_or_typing_error()
    {
        Assert.Contains(new SnippetPart("scan", IsMatch: true), Find("scans").Snippets["blood-test"].Parts);
        Assert.Contains(new SnippetPart("vertebroplasty", IsMatch: true), Find("vertebroplasy").Snippets["cementoplasty"].Parts);
    }

    [Fact]
    public void A_snippet_from_a_long_paragraph_is_cut_at_words_around_the_match()
    {
        var words = string.Join(' ', Enumerable.Repeat("filler", 60));
        var leaflet = SearchLeaflets.Make("long", "A long leaflet", "Short.", [$"{words} needle {words}"]);
        using var index = LuceneLeafletIndex.Build([leaflet]);

        var snippet = index.SearchNow(LeafletQuery.Parse("needle", null, null, null, null).Query!).Snippets["long"];
        Assert.StartsWith("…filler", snippet.Text, StringComparison.Ordinal);
        Assert.EndsWith("filler…", snippet.Text, StringComparison.Ordinal);
        Assert.InRange(snippet.Text.Length, 100, Snippets.MaxLength + 2);
        Assert.Contains(new SnippetPart("needle", IsMatch: true), snippet.Parts);
    }

    [Fact]
    public void A_word_only_in_the_title_is_snipped_from_the_title_and_a_word_also_in_the_body_from_the_body()
    {
        var leaflet = SearchLeaflets.Make("zebra", "Living with zebrafish", "Short.", ["Body words about fins and water, and zebrafish tanks."]);
        var other = SearchLeaflets.Make("plain", "Another leaflet", "Short.", ["Nothing about fins here."]);
        using var index = LuceneLeafletIndex.Build([leaflet, other]);

        // "living" is in no body, so no body is even read for it (the index says which fields hold it).
        var living = index.SearchNow(LeafletQuery.Parse("living", null, null, null, null).Query!).Snippets["zebra"];
        Assert.Equal("Living with zebrafish", living.Text);
        Assert.Equal([new SnippetPart("Living", IsMatch: true)], living.Parts.Where(part => part.IsMatch));
        var zebrafish = index.SearchNow(LeafletQuery.Parse("zebrafish", null, null, null, null).Query!).Snippets["zebra"];
        Assert.Equal("Body words about fins and water, and zebrafish tanks.", zebrafish.Text);
        Assert.Equal(["zebra", "plain"], index.SearchNow(LeafletQuery.Parse("fins", null, null, null, null).Query!).Snippets.Keys.Order().Reverse());
    }

    [Fact]
    public void A_matched_word_longer_than_a_snippet_is_shown_whole()
    {
        var word = "pneumono" + new string('x', 180);
        var leaflet = SearchLeaflets.Make("long-word", "A long word", "Short.", [$"Before {word} after, and then many more words follow it here."]);
        using var index = LuceneLeafletIndex.Build([leaflet]);

        var snippet = index.SearchNow(LeafletQuery.Parse(word, null, null, null, null).Query!).Snippets["long-word"];
        Assert.Contains(new SnippetPart(word, IsMatch: true), snippet.Parts);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("~")]
    [InlineData("\"")]
    [InlineData("bone*")]
    [InlineData("bone~2")]
    [InlineData("\"bone scan\"")]
    [InlineData("title:bone")]
    [InlineData("bone AND scan OR NOT (x)")]
    [InlineData("+bone -scan [a TO z] ^2 \\ && ||")]
    [InlineData("{a TO z} / !bone? bo?e")]
    public void Query_syntax_is_read_as_words_never_as_lucene_syntax(string q)
    {
        var page = Find(q);
        Assert.True(page.Total >= 0);
        Assert.Equal(page.Total == 0 ? 0 : Math.Min(page.Total, 25), page.Items.Length);
    }

    [Fact]
    public void Operators_alone_match_nothing_rather_than_everything()
    {
        Assert.Empty(Ids("*"));
        Assert.Empty(Ids("* ~ \""));
        Assert.Equal(["bone-scan"], Ids("\"bone scan\"").Take(1));
    }

    [Fact]
    public void The_longest_query_of_long_misspelt_words_is_answered_quickly()
    {
        var words = Enumerable.Range(0, LeafletQuery.MaxWords).Select(i => "xvertebroplasyq"[..(10 + (i % 5))]);
        var q = string.Join(' ', words);
        Assert.True(q.Length <= LeafletQuery.MaxQueryLength);
        var watch = Stopwatch.StartNew();
        Assert.Empty(Find(q).Items);
        // A bound, not a benchmark: a runaway expansion takes seconds.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void An_index_written_to_a_directory_reopens_and_answers_the_same()
    {
        using var directory = new RAMDirectory();
        LuceneLeafletIndex.Write(SearchLeaflets.Library, directory);
        using var reopened = LuceneLeafletIndex.Open(directory, SearchLeaflets.Library);

        foreach (var words in new[] { "pain", "wristband", "vertebroplasy" })
        {
            var query = LeafletQuery.Parse(words, null, null, null, null).Query!;
            var (built, read) = (_index.SearchNow(query), reopened.SearchNow(query));
            Assert.NotEmpty(read.Items);
            Assert.Equal(built.Items.Select(leaflet => leaflet.Id), read.Items.Select(leaflet => leaflet.Id));
            // Cut from the texts the index stored: the same words, the same marks, the same language.
            Assert.Equal(built.Snippets.Keys.Order(), read.Snippets.Keys.Order());
            Assert.All(built.Snippets, each =>
            {
                Assert.Equal(each.Value.Language, read.Snippets[each.Key].Language);
                Assert.Equal(each.Value.Parts.ToArray(), read.Snippets[each.Key].Parts.ToArray());
            });
        }
    }

    [Fact]
    public void Stored_searchable_texts_read_back_as_written_and_damaged_ones_are_refused()
    {
        var texts = SearchableTexts.Of(SearchLeaflets.Library[0]).ToList();
        var bytes = StoredSearchableTexts.Encode(texts);

        Assert.Equal(texts, StoredSearchableTexts.Decode(bytes, 0, bytes.Length));
        Assert.Throws<InvalidDataException>(() => StoredSearchableTexts.Decode(bytes, 0, bytes.Length - 1));
        Assert.Throws<InvalidDataException>(() => StoredSearchableTexts.Decode([.. bytes, 0], 0, bytes.Length + 1));
        var unknownField = (byte[])bytes.Clone();
        unknownField[1] = 200;
        Assert.Throws<InvalidDataException>(() => StoredSearchableTexts.Decode(unknownField, 0, unknownField.Length));
    }

    [Fact]
    public void An_index_written_for_other_leaflets_is_refused_never_searched()
    {
        using var directory = new RAMDirectory();
        LuceneLeafletIndex.Write(SearchLeaflets.Library, directory);

        Assert.Throws<InvalidDataException>(() => LuceneLeafletIndex.Open(directory, SearchLeaflets.Library.RemoveAt(0)));
        var renamed = SearchLeaflets.Library.SetItem(0, SearchLeaflets.Library[0] with { Id = "renamed" });
        Assert.Throws<InvalidDataException>(() => LuceneLeafletIndex.Open(directory, renamed));
    }

    [Fact]
    public void An_empty_library_finds_nothing()
    {
        using var index = LuceneLeafletIndex.Build([]);
        Assert.Empty(index.SearchNow(LeafletQuery.Parse("bone", null, null, null, null).Query!).Items);
        Assert.Equal(0, index.SearchNow(LeafletQuery.Default).Total);
    }

    [Fact]
    public void Many_requests_at_once_share_one_index()
    {
        var expected = Ids("pain").ToList();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            Assert.Equal(expected, Find("pain").Items.Select(leaflet => leaflet.Id)));
    }
}
