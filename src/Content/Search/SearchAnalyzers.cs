using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Bg;
using Lucene.Net.Analysis.Ca;
using Lucene.Net.Analysis.Cz;
using Lucene.Net.Analysis.Da;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.El;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Eu;
using Lucene.Net.Analysis.Fa;
using Lucene.Net.Analysis.Fi;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Ga;
using Lucene.Net.Analysis.Gl;
using Lucene.Net.Analysis.Hi;
using Lucene.Net.Analysis.Hu;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Lv;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.No;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Ro;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Tr;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Leaflets.Content.Search;

/// <summary>
/// Which Lucene analyzer reads each language's text: the one Lucene has for it (stemming, so "scans" finds "scan";
/// its stop words), else <see cref="StandardAnalyzer"/> with no stop words (lowercase, split into words: its default
/// stop words are English ones, which would drop words of another language). Welsh has no Lucene analyzer, so Welsh is
/// matched word for word. Each language's text goes in fields of its own, named by <see cref="FieldName"/>.
/// </summary>
internal static class SearchAnalyzers
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The key of languages without an analyzer of their own.</summary>
    public const string StandardKey = "std";

    /// <summary>The field that holds every word of a language once more, for matching typing errors against one field only.</summary>
    public const string AllWords = "all";

    private static readonly FrozenDictionary<string, Analyzer> ByKey = new Dictionary<string, Analyzer>
    {
        ["ar"] = new ArabicAnalyzer(Version),
        ["bg"] = new BulgarianAnalyzer(Version),
        ["ca"] = new CatalanAnalyzer(Version),
        ["cs"] = new CzechAnalyzer(Version),
        ["da"] = new DanishAnalyzer(Version),
        ["de"] = new GermanAnalyzer(Version),
        ["el"] = new GreekAnalyzer(Version),
        ["en"] = new EnglishAnalyzer(Version),
        ["es"] = new SpanishAnalyzer(Version),
        ["eu"] = new BasqueAnalyzer(Version),
        ["fa"] = new PersianAnalyzer(Version),
        ["fi"] = new FinnishAnalyzer(Version),
        ["fr"] = new FrenchAnalyzer(Version),
        ["ga"] = new IrishAnalyzer(Version),
        ["gl"] = new GalicianAnalyzer(Version),
        ["hi"] = new HindiAnalyzer(Version),
        ["hu"] = new HungarianAnalyzer(Version),
        ["it"] = new ItalianAnalyzer(Version),
        ["lv"] = new LatvianAnalyzer(Version),
        ["nl"] = new DutchAnalyzer(Version),
        ["nb"] = new NorwegianAnalyzer(Version),
        ["no"] = new NorwegianAnalyzer(Version),
        ["pt"] = new PortugueseAnalyzer(Version),
        ["ro"] = new RomanianAnalyzer(Version),
        ["ru"] = new RussianAnalyzer(Version),
        ["sv"] = new SwedishAnalyzer(Version),
        ["tr"] = new TurkishAnalyzer(Version),
        [StandardKey] = new StandardAnalyzer(Version, CharArraySet.Empty),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Reads every field by the analyzer its name ends with (<see cref="FieldName"/>).</summary>
    public static Analyzer ByField { get; } = new FieldAnalyzer();

    /// <summary>The analyzer key of a language tag: its primary subtag where Lucene has an analyzer for it.</summary>
    public static string KeyOf(string language)
    {
        var primary = language.Split('-')[0].ToLowerInvariant();
        return ByKey.ContainsKey(primary) ? primary : StandardKey;
    }

    public static string FieldName(SearchField field, string key) => FieldName(field.ToString().ToLowerInvariant(), key);

    public static string FieldName(string field, string key) => field + "." + key;

    /// <summary>The analyzer key a field name ends with, or null for a field that is not text (the id, the filters).</summary>
    public static string? KeyOfField(string fieldName)
    {
        var dot = fieldName.LastIndexOf('.');
        return dot < 0 ? null : fieldName[(dot + 1)..];
    }

    /// <summary>The terms <paramref name="text"/> makes in the language of <paramref name="key"/>, with where each came from.</summary>
    public static List<(string Term, int Start, int End)> Terms(string key, string text, int maxTerms = int.MaxValue)
    {
        var terms = new List<(string, int, int)>();
        using var stream = ByKey[key].GetTokenStream(FieldName(AllWords, key), text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (terms.Count < maxTerms && stream.IncrementToken())
        {
            terms.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }
        stream.End();
        return terms;
    }

    private sealed class FieldAnalyzer() : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        protected override Analyzer GetWrappedAnalyzer(string fieldName)
            => KeyOfField(fieldName) is { } key && ByKey.TryGetValue(key, out var analyzer)
                ? analyzer
                : throw new InvalidOperationException($"The search field '{fieldName}' has no analyzer.");
    }
}
