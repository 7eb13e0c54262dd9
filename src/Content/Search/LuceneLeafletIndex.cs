using System.Collections.Frozen;
using System.Collections.Immutable;
using Leaflets.Content.Model;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Directory = Lucene.Net.Store.Directory;

namespace Leaflets.Content.Search;

/// <summary>
/// The catalog's search, in a Lucene index: one Lucene document per leaflet, its text in fields per kind and language
/// (<see cref="SearchableTexts"/>, <see cref="SearchAnalyzers"/>), ranked by BM25. Writing the index
/// (<see cref="Write"/>) and opening it (<see cref="Open"/>) are separate so that an index written once, into any
/// <see cref="Directory"/>, can be opened by every instance that serves the same snapshot. The query is never parsed
/// as Lucene syntax: each word a reader typed goes through the language's analyzer and becomes term queries, so
/// <c>*</c>, <c>~</c>, quotes and <c>AND</c> are just characters (most of them no word at all).
/// </summary>
public sealed class LuceneLeafletIndex : ILeafletSearchIndex, IDisposable
{
    /// <summary>Words of this many letters or more also match with a typing error ("vertebroplasy").</summary>
    public const int FuzzyMinLetters = 5;

    /// <summary>
    /// One typing error (a letter missing, extra, wrong, or two swapped), whatever the word's length: matching two was
    /// three to five times the cost of a whole exact search (the automaton for two edits is far larger), and the
    /// longest hostile query of ten long words took 90 ms at 1,000 leaflets (bench/Leaflets.Benchmarks SearchBenchmarks).
    /// </summary>
    public const int FuzzyMaxEdits = 1;

    /// <summary>
    /// The most index terms one misspelt word may stand for: the bound that keeps a hostile query fast however large
    /// the library's vocabulary grows (each expansion is one more term to score).
    /// </summary>
    public const int FuzzyMaxExpansions = 50;

    /// <summary>
    /// Letters at the start a typing error is assumed not to touch: people rarely mistype the first letter, and fixing it
    /// cuts the terms to compare against to those starting with the same letter.
    /// </summary>
    public const int FuzzyPrefixLength = 1;

    /// <summary>
    /// What a match with a typing error counts for: fuzzy matches score a constant (their boost times how close the
    /// spelling is, never term frequency), and a leaflet with the exact word also gets that constant at full closeness, so
    /// an exact match always ranks above a near one.
    /// </summary>
    private const float FuzzyWeight = 0.2f;

    /// <summary>Terms one word may split into ("x-ray" is two); more are a hostile word, and only the first ones count.</summary>
    private const int MaxTermsPerWord = 8;

    /// <summary>
    /// The leaflet's id, as a doc value: read for every document when the index is opened, where a stored field would
    /// have had each document's stored texts decompressed with it (stored fields are compressed a document at a time).
    /// </summary>
    private const string IdField = "id";

    /// <summary>The leaflet's texts of its bodies (<see cref="StoredSearchableTexts"/>), stored, never indexed: what body snippets are cut from.</summary>
    private const string TextsField = "stored.texts";

    private static readonly ISet<string> TextsOnly = new HashSet<string>(StringComparer.Ordinal) { TextsField };
    private const string TopicField = "filter.topic";
    private const string CodeField = "filter.code";
    private const string LanguageField = "filter.lang";
    private const string IdRank = "rank.id";
    private const string TitleRank = "rank.title";
    private const string ReviewedRank = "rank.reviewed";

    private static readonly Similarity Ranking = new BM25Similarity();

    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Leaflet[] _byDocument;
    private readonly ImmutableArray<string> _languageKeys;
    private readonly FrozenDictionary<LeafletSort, int[]> _inOrder;
    private readonly Directory? _owned;

    private LuceneLeafletIndex(DirectoryReader reader, Leaflet[] byDocument, ImmutableArray<string> languageKeys, Directory? owned)
    {
        _reader = reader;
        _searcher = new IndexSearcher(reader) { Similarity = Ranking };
        _byDocument = byDocument;
        _languageKeys = languageKeys;
        _owned = owned;
        _inOrder = Enum.GetValues<LeafletSort>().ToFrozenDictionary(sort => sort, sort => DocumentsInOrder(reader, sort));
    }

    /// <summary>An index of <paramref name="leaflets"/> in memory, ready to search.</summary>
    public static LuceneLeafletIndex Build(IEnumerable<Leaflet> leaflets)
    {
        var all = leaflets.ToList();
        var directory = new RAMDirectory();
        Write(all, directory);
        return Open(directory, all, ownsDirectory: true);
    }

    /// <summary>
    /// Writes the index of <paramref name="leaflets"/> into <paramref name="directory"/>, replacing what was there. The
    /// orders that do not depend on the words (id, title, last review) are decided here, by the same comparers as the
    /// rest of the app, and stored as ranks, so a sorted page is read straight from the index. Each leaflet's texts of its
    /// bodies are stored too, so its snippets need no body: a compiled snapshot's leaflets have none until loaded.
    /// </summary>
    public static void Write(IEnumerable<Leaflet> leaflets, Directory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var byId = leaflets.OrderBy(leaflet => leaflet.Id, StringComparer.Ordinal).ToList();
        var titleRanks = Ranks(byId.Order(LeafletSearch.ByTitle));
        var reviewedRanks = Ranks(byId.OrderByDescending(leaflet => leaflet.Plain.Metadata.LastReviewed));

        var config = new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.ByField)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = Ranking,
        };
        using var writer = new IndexWriter(directory, config);
        for (var i = 0; i < byId.Count; i++)
        {
            var leaflet = byId[i];
            var document = new Document
            {
                new BinaryDocValuesField(IdField, new BytesRef(leaflet.Id)),
                new NumericDocValuesField(IdRank, i),
                new NumericDocValuesField(TitleRank, titleRanks[leaflet.Id]),
                new NumericDocValuesField(ReviewedRank, reviewedRanks[leaflet.Id]),
            };
            var texts = SearchableTexts.Of(leaflet).ToList();
            document.Add(new StoredField(TextsField, StoredSearchableTexts.Encode([.. texts.Where(text => SearchableTexts.IsBody(text.Field))])));
            foreach (var text in texts)
            {
                var key = SearchAnalyzers.KeyOf(text.Language);
                document.Add(new TextField(SearchAnalyzers.FieldName(text.Field, key), text.Text, Field.Store.NO));
                document.Add(new TextField(SearchAnalyzers.FieldName(SearchAnalyzers.AllWords, key), text.Text, Field.Store.NO));
            }
            foreach (var value in FilterValues(leaflet))
            {
                document.Add(new StringField(value.Field, value.Value, Field.Store.NO));
            }
            writer.AddDocument(document);
        }
        // One segment: document numbers follow id order, and a search visits one term dictionary per field.
        writer.ForceMerge(1);
        writer.Commit();
    }

    /// <summary>
    /// Opens an index <see cref="Write"/> wrote, for the same <paramref name="leaflets"/>. An index that names a leaflet
    /// not among them, or misses one, was written for another snapshot: it is refused, never searched.
    /// </summary>
    /// <exception cref="InvalidDataException">The index does not match <paramref name="leaflets"/>.</exception>
    public static LuceneLeafletIndex Open(Directory directory, IEnumerable<Leaflet> leaflets, bool ownsDirectory = false)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var byId = leaflets.ToDictionary(leaflet => leaflet.Id, StringComparer.Ordinal);
        var reader = DirectoryReader.Open(directory);
        try
        {
            if (reader.NumDocs != byId.Count || reader.HasDeletions)
            {
                throw new InvalidDataException($"The search index holds {reader.NumDocs} leaflets but the snapshot has {byId.Count}.");
            }
            var byDocument = new Leaflet[reader.MaxDoc];
            var ids = MultiDocValues.GetBinaryValues(reader, IdField);
            var bytes = new BytesRef();
            for (var i = 0; i < byDocument.Length; i++)
            {
                ids?.Get(i, bytes);
                var id = ids is null ? null : bytes.Utf8ToString();
                byDocument[i] = id is not null && byId.TryGetValue(id, out var leaflet)
                    ? leaflet
                    : throw new InvalidDataException($"The search index holds a leaflet '{id}' the snapshot does not have.");
            }
            var languageKeys = MultiFields.GetMergedFieldInfos(reader)
                .Select(field => field.Name)
                .Where(name => name.StartsWith(SearchAnalyzers.AllWords + ".", StringComparison.Ordinal))
                .Select(name => SearchAnalyzers.KeyOfField(name)!)
                .Order(StringComparer.Ordinal)
                .ToImmutableArray();
            return new LuceneLeafletIndex(reader, byDocument, languageKeys, ownsDirectory ? directory : null);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Leaflets whose titles give <see cref="WarmUpQueries"/> their words, spread over the library: two searches each,
    /// 48 at most. Fewer (eight leaflets, about 20 searches) left fifty first-time searches as slow as with none: a
    /// method is compiled optimised once it has been called 30 times, and the code a search runs once needs that many.
    /// </summary>
    internal const int WarmUpLeaflets = 24;

    /// <summary>
    /// The searches <see cref="WarmUp"/> runs: for each of <see cref="WarmUpLeaflets"/> leaflets, the first word of its
    /// title long enough to be matched with a typing error too (<see cref="FuzzyMinLetters"/>), then its first two such
    /// words together: the two ways people search, through every part of a search (the typing-error expansion, ranking,
    /// the stored texts, snippets).
    /// </summary>
    internal IReadOnlyList<LeafletQuery> WarmUpQueries()
    {
        var queries = new List<LeafletQuery>();
        var spread = Math.Min(WarmUpLeaflets, _byDocument.Length);
        for (var i = 0; i < spread; i++)
        {
            var title = _byDocument[(int)((long)i * _byDocument.Length / spread)].Plain.Metadata.Title;
            var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(word => word.Length >= FuzzyMinLetters && word.All(char.IsLetter))
                .Take(2)
                .ToArray();
            if (words.Length > 0)
            {
                queries.Add(LeafletQuery.Default with { Words = [words[0]] });
            }
            if (words.Length > 1)
            {
                queries.Add(LeafletQuery.Default with { Words = [.. words] });
            }
        }
        return queries;
    }

    /// <summary>
    /// Runs <see cref="WarmUpQueries"/> and forgets their pages, so the first searches people make on a new instance run
    /// compiled code: until a method has been called 30 times the JIT runs it unoptimised, and fifty different first
    /// searches at once took five to ten times as long as once warm (bench/README, "Search's first minute"). The
    /// catalog runs it once, in the background, after it opens its first index. Returns how many searches it ran.
    /// </summary>
    internal int WarmUp()
    {
        var queries = WarmUpQueries();
        foreach (var query in queries)
        {
            Search(query);
        }
        return queries.Count;
    }

    /// <summary>Answered at once: nothing of a search waits on a read (the index is mapped or in memory, and snippets are cut from it).</summary>
    public ValueTask<SearchPage> SearchAsync(LeafletQuery query, CancellationToken cancellationToken)
        => ValueTask.FromResult(Search(query));

    private SearchPage Search(LeafletQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var wanted = (int)Math.Min(_byDocument.Length, (long)query.Page * query.PageSize);
        Query? words = query.Words.IsEmpty ? new MatchAllDocsQuery() : WordsQuery(query.Words);
        if (words is null || wanted == 0)
        {
            // Words that are no word in any language (punctuation, operators) match nothing, as nothing matches them.
            return new SearchPage([], 0, query);
        }
        var filter = Filter(query);
        if (query.Words.IsEmpty && filter is null)
        {
            // A page of the whole list (the API's and the site's lists): a slice of its order, which is fixed. Sorted by
            // Lucene, a deep page kept the leaflets of every page before it (10,000 for the last page at 10,000).
            var order = _inOrder[query.Sort];
            var first = (int)Math.Min(order.Length, (long)(query.Page - 1) * query.PageSize);
            var onPage = order.Skip(first).Take(query.PageSize).Select(document => _byDocument[document]);
            return new SearchPage([.. onPage], order.Length, query);
        }
        // Rewritten once: the typing-error queries become the terms they stand for, searched and marked in snippets alike.
        var rewritten = _searcher.Rewrite(words);
        var found = _searcher.Search(rewritten, filter, wanted, Order(query.Sort));
        var skip = (int)Math.Min(int.MaxValue, (long)(query.Page - 1) * query.PageSize);
        var hits = found.ScoreDocs.Skip(skip).Select(hit => hit.Doc).ToArray();
        var items = hits.Select(hit => _byDocument[hit]).ToImmutableArray();
        if (query.Words.IsEmpty)
        {
            return new SearchPage(items, found.TotalHits, query);
        }

        var matched = MatchedTerms(rewritten);
        var holders = new Holders(_reader, hits, matched);
        var snippets = hits
            .Select(hit => (_byDocument[hit].Id, Snippet: Snippets.Cut(TextsOf(hit, matched, holders), matched, (field, key) => holders.Hold(field, key, hit))))
            .Where(each => each.Snippet is not null)
            .ToImmutableDictionary(each => each.Id, each => each.Snippet!, StringComparer.Ordinal);
        return new SearchPage(items, found.TotalHits, query) { Snippets = snippets };
    }

    /// <summary>
    /// What a document's snippet is cut from: its leaflet's front matter, and the texts of its bodies that
    /// <see cref="Write"/> stored only where a matched term is in them (a match in a title, the usual one, reads none).
    /// </summary>
    private List<SearchableText> TextsOf(int document, FrozenDictionary<string, FrozenSet<string>> matched, Holders holders)
    {
        var texts = SearchableTexts.OfMetadata(_byDocument[document]).ToList();
        if (matched.Keys.Any(key => holders.Hold(SearchField.Body, key, document) || holders.Hold(SearchField.Headings, key, document)))
        {
            texts.AddRange(StoredTexts(document));
        }
        return texts;
    }

    /// <summary>The texts <see cref="Write"/> stored for a document: its stored fields decompressed, the texts alone decoded.</summary>
    private List<SearchableText> StoredTexts(int document)
    {
        var stored = _reader.Document(document, TextsOnly).GetBinaryValue(TextsField)
            ?? throw new InvalidDataException($"The search index holds no texts for leaflet '{_byDocument[document].Id}'.");
        return StoredSearchableTexts.Decode(stored.Bytes, stored.Offset, stored.Length);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _owned?.Dispose();
    }

    /// <summary>
    /// Every word must match (as the words of a search box are read), in some field of some language; a word that one
    /// of the index's languages drops as a stop word ("the") need not, or no leaflet in that language could match it.
    /// </summary>
    private BooleanQuery? WordsQuery(ImmutableArray<string> words)
    {
        var all = new BooleanQuery(disableCoord: true);
        foreach (var word in words)
        {
            var byLanguage = _languageKeys.Select(key => (Key: key, Terms: SearchAnalyzers.Terms(key, word, MaxTermsPerWord))).ToList();
            var anyField = new BooleanQuery(disableCoord: true);
            foreach (var (key, terms) in byLanguage.Where(each => each.Terms.Count > 0))
            {
                foreach (var field in Enum.GetValues<SearchField>())
                {
                    var name = SearchAnalyzers.FieldName(field, key);
                    Query match = terms.Count == 1 ? new TermQuery(new Term(name, terms[0].Term)) : Phrase(name, terms);
                    match.Boost = SearchableTexts.Weight(field);
                    anyField.Add(match, Occur.SHOULD);
                }
                if (terms.Count == 1 && word.Count(char.IsLetter) >= FuzzyMinLetters)
                {
                    var near = new FuzzyQuery(new Term(SearchAnalyzers.FieldName(SearchAnalyzers.AllWords, key), terms[0].Term),
                        FuzzyMaxEdits, FuzzyPrefixLength, FuzzyMaxExpansions, transpositions: true) { Boost = FuzzyWeight };
                    anyField.Add(near, Occur.SHOULD);
                }
            }
            if (anyField.Clauses.Count > 0)
            {
                all.Add(anyField, byLanguage.All(each => each.Terms.Count > 0) ? Occur.MUST : Occur.SHOULD);
            }
        }
        return all.Clauses.Count == 0 ? null : all;
    }

    private static PhraseQuery Phrase(string field, List<(string Term, int Start, int End)> terms)
    {
        var phrase = new PhraseQuery();
        foreach (var (term, _, _) in terms)
        {
            phrase.Add(new Term(field, term));
        }
        return phrase;
    }

    /// <summary>
    /// Which of a page's documents hold a matched term in a field, as the postings say (no text read): each field and
    /// language looked up once for the whole page, walking each term's postings over the page's documents in order,
    /// rather than a term dictionary opened for every document of the page and every field.
    /// </summary>
    private sealed class Holders(DirectoryReader reader, int[] documents, FrozenDictionary<string, FrozenSet<string>> matched)
    {
        private readonly int[] _inOrder = [.. documents.Order()];
        private readonly Dictionary<(SearchField Field, string Key), HashSet<int>> _known = [];

        public bool Hold(SearchField field, string key, int document)
        {
            if (!_known.TryGetValue((field, key), out var holding))
            {
                holding = Find(SearchAnalyzers.FieldName(field, key), matched.TryGetValue(key, out var terms) ? terms : FrozenSet<string>.Empty);
                _known[(field, key)] = holding;
            }
            return holding.Contains(document);
        }

        private HashSet<int> Find(string field, FrozenSet<string> terms)
        {
            var holding = new HashSet<int>();
            if (terms.Count == 0 || MultiFields.GetTerms(reader, field) is not { } indexed)
            {
                return holding;
            }
            var each = indexed.GetEnumerator();
            var live = MultiFields.GetLiveDocs(reader);
            DocsEnum? postings = null;
            foreach (var term in terms)
            {
                if (!each.SeekExact(new Lucene.Net.Util.BytesRef(term)))
                {
                    continue;
                }
                postings = each.Docs(live, postings, DocsFlags.NONE);
                var at = -1;
                foreach (var document in _inOrder)
                {
                    if (at < document)
                    {
                        at = postings.Advance(document);
                    }
                    if (at == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        break;
                    }
                    if (at == document)
                    {
                        holding.Add(document);
                    }
                }
            }
            return holding;
        }
    }

    /// <summary>The terms of the rewritten query by language key, for marking in snippets.</summary>
    private static FrozenDictionary<string, FrozenSet<string>> MatchedTerms(Query rewritten)
    {
        var terms = new HashSet<Term>();
        rewritten.ExtractTerms(terms);
        return terms
            .GroupBy(term => SearchAnalyzers.KeyOfField(term.Field)!, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.Select(term => term.Text).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The filters as one Lucene filter (they narrow the matches without changing any score), or null for none.</summary>
    private static QueryWrapperFilter? Filter(LeafletQuery query)
    {
        var must = new BooleanQuery();
        if (query.Topic is { } topic)
        {
            must.Add(new TermQuery(new Term(TopicField, TopicKey(topic))), Occur.MUST);
        }
        if (query.Code is { } code)
        {
            must.Add(new TermQuery(new Term(CodeField, CodeKey(code.System, code.Code))), Occur.MUST);
        }
        if (query.Language is { } language && language != "*")
        {
            must.Add(new TermQuery(new Term(LanguageField, language.ToLowerInvariant())), Occur.MUST);
        }
        return must.Clauses.Count == 0 ? null : new QueryWrapperFilter(must);
    }

    /// <summary>
    /// What the filters compare, as <see cref="LeafletSearch"/> does for listings: a topic of any variant ignoring case;
    /// a code's system ignoring case and its code exactly; a language tag or any range that covers it
    /// (<see cref="LanguageTags.Covers"/>: "en" covers "en-GB").
    /// </summary>
    private static IEnumerable<(string Field, string Value)> FilterValues(Leaflet leaflet)
    {
        var metadata = leaflet.Variants.Values.Select(document => document.Metadata).ToList();
        var topics = metadata.SelectMany(m => m.Topics).Select(topic => (TopicField, TopicKey(topic)));
        var codes = metadata.SelectMany(m => m.Codes).Select(code => (CodeField, CodeKey(code.System, code.Code)));
        var languages = leaflet.Languages.SelectMany(Ranges).Select(range => (LanguageField, range));
        return topics.Concat(codes).Concat(languages).Distinct();
    }

    private static string TopicKey(string topic) => topic.Trim().ToLowerInvariant();

    private static string CodeKey(string system, string code) => system.ToUpperInvariant() + "|" + code;

    /// <summary>"en-GB" is asked for as "en-gb" or "en".</summary>
    private static IEnumerable<string> Ranges(string tag)
    {
        var lower = tag.ToLowerInvariant();
        for (var hyphen = lower.IndexOf('-'); hyphen > 0; hyphen = lower.IndexOf('-', hyphen + 1))
        {
            yield return lower[..hyphen];
        }
        yield return lower;
    }

    /// <summary>
    /// The documents in the order of <paramref name="sort"/> when every leaflet matches and every one is equally relevant
    /// (a list without words): what <see cref="Order"/> sorts by, read once from the ranks <see cref="Write"/> stored.
    /// </summary>
    private static int[] DocumentsInOrder(DirectoryReader reader, LeafletSort sort)
    {
        var ranks = MultiDocValues.GetNumericValues(reader, sort switch
        {
            LeafletSort.Title => TitleRank,
            LeafletSort.Reviewed => ReviewedRank,
            _ => IdRank,
        });
        var documents = new int[reader.MaxDoc];
        for (var document = 0; document < documents.Length; document++)
        {
            documents[document] = document;
        }
        var keys = documents.Select(document => ranks?.Get(document) ?? 0L).ToArray();
        // Ranks are distinct (Write gives each leaflet its place), and ties, should an index hold any, fall to id order
        // as the sort's second key does: a stable sort of documents in id order.
        return [.. documents.OrderBy(document => keys[document])];
    }

    private static Sort Order(LeafletSort sort) => sort switch
    {
        LeafletSort.Title => new Sort(new SortField(TitleRank, SortFieldType.INT64)),
        LeafletSort.Reviewed => new Sort(new SortField(ReviewedRank, SortFieldType.INT64)),
        _ => new Sort(SortField.FIELD_SCORE, new SortField(IdRank, SortFieldType.INT64)),
    };

    /// <summary>Each leaflet's place in <paramref name="order"/>; a stable sort of id-ordered leaflets, so ties keep id order.</summary>
    private static Dictionary<string, int> Ranks(IEnumerable<Leaflet> order)
        => order.Select((leaflet, rank) => (leaflet.Id, rank)).ToDictionary(each => each.Id, each => each.rank, StringComparer.Ordinal);
}
