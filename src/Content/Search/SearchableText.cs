using Leaflets.Content.Model;

namespace Leaflets.Content.Search;

/// <summary>
/// The parts of a leaflet search looks at, each weighted by how much a match there says the leaflet is about the word:
/// a word in the title or among the synonyms an editor chose names what the leaflet is about; one in the body may be
/// in passing.
/// </summary>
public enum SearchField
{
    Title,
    Synonyms,
    Topics,
    Summary,
    Headings,
    Codes,
    Body,
}

/// <summary>One piece of searchable text of one document, in that document's language.</summary>
public sealed record SearchableText(string Language, SearchField Field, string Text);

/// <summary>
/// The one place that says what text of a leaflet is searched: indexing and the snippets shown with results both read
/// it from here, so a snippet is always cut from the very text that matched.
/// </summary>
public static class SearchableTexts
{
    /// <summary>How much a match in each field counts towards relevance, against 1 for the body.</summary>
    public static float Weight(SearchField field) => field switch
    {
        SearchField.Title or SearchField.Synonyms => 3f,
        SearchField.Topics => 2f,
        SearchField.Summary or SearchField.Headings or SearchField.Codes => 1.5f,
        _ => 1f,
    };

    /// <summary>
    /// Where a snippet is cut from, first choice first: the body, in sentences, shows what a list of results does not
    /// (each result already shows its title and summary); the summary next, then the words an editor tagged it with,
    /// and the title last.
    /// </summary>
    public static IReadOnlyList<SearchField> SnippetOrder { get; } =
        [SearchField.Body, SearchField.Headings, SearchField.Summary, SearchField.Synonyms, SearchField.Topics, SearchField.Codes, SearchField.Title];

    /// <summary>
    /// Every document of the leaflet (both variants, every language: an easy-read title may use the very words a reader
    /// searches with), each piece separately so that phrases and snippets never run from one block into the next.
    /// </summary>
    public static IEnumerable<SearchableText> Of(Leaflet leaflet) => leaflet.AllDocuments.SelectMany(Of);

    public static IEnumerable<SearchableText> Of(LeafletDocument document) => OfMetadata(document).Concat(OfBody(document));

    /// <summary>
    /// The texts of the body and its headings: what a leaflet's front matter does not hold, so what the index stores for
    /// snippets (a compiled snapshot's leaflets have no bodies until loaded).
    /// </summary>
    public static bool IsBody(SearchField field) => field is SearchField.Body or SearchField.Headings;

    /// <summary>The texts of every document's front matter (<see cref="IsBody"/> false), in the order of <see cref="Of(Leaflet)"/>.</summary>
    public static IEnumerable<SearchableText> OfMetadata(Leaflet leaflet) => leaflet.AllDocuments.SelectMany(OfMetadata);

    private static IEnumerable<SearchableText> OfMetadata(LeafletDocument document)
    {
        var metadata = document.Metadata;
        var language = metadata.Language;
        yield return new(language, SearchField.Title, metadata.Title);
        yield return new(language, SearchField.Summary, metadata.Summary);
        foreach (var synonym in metadata.Synonyms)
        {
            yield return new(language, SearchField.Synonyms, synonym);
        }
        foreach (var topic in metadata.Topics)
        {
            yield return new(language, SearchField.Topics, topic);
        }
        foreach (var code in metadata.Codes)
        {
            if (code.Display is { } display)
            {
                yield return new(language, SearchField.Codes, display);
            }
        }
    }

    private static IEnumerable<SearchableText> OfBody(LeafletDocument document)
    {
        if (!document.IsBodyLoaded)
        {
            // Only a compiled snapshot's leaflet kept as the last good version after its files changed (LeafletCatalog):
            // its body can no longer be read, so it is found by its metadata alone; every other is indexed in full.
            yield break;
        }
        foreach (var text in Blocks(document.Blocks))
        {
            yield return text with { Language = document.Metadata.Language };
        }
    }

    private static IEnumerable<SearchableText> Blocks(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    yield return Body(heading.Inlines.PlainText(), SearchField.Headings);
                    break;
                case ParagraphBlock paragraph:
                    yield return Body(paragraph.Inlines.PlainText());
                    break;
                case ListBlock list:
                    foreach (var text in list.Items.SelectMany(item => Blocks(item.Blocks)))
                    {
                        yield return text;
                    }
                    break;
                case CalloutBlock callout:
                    foreach (var text in Blocks(callout.Blocks).Prepend(Body(callout.Label)))
                    {
                        yield return text;
                    }
                    break;
                case TableBlock table:
                    foreach (var row in table.Rows.Prepend(table.Header))
                    {
                        yield return Body(string.Join(" ", row.Select(cell => cell.Inlines.PlainText())));
                    }
                    break;
                case FigureBlock figure:
                    // The words a screen reader says for the picture, and the caption everyone reads.
                    foreach (var text in Figure(figure))
                    {
                        yield return text;
                    }
                    break;
                case PictureRowBlock row:
                    foreach (var text in Figure(row.Figure).Concat(Blocks(row.Blocks)))
                    {
                        yield return text;
                    }
                    break;
            }
        }
    }

    private static IEnumerable<SearchableText> Figure(FigureBlock figure)
    {
        if (!figure.IsDecorative)
        {
            yield return Body(figure.Alt);
        }
        if (figure.Caption is { Length: > 0 } caption)
        {
            yield return Body(caption);
        }
    }

    /// <summary>The language is filled in by <see cref="Of(LeafletDocument)"/>, which knows it.</summary>
    private static SearchableText Body(string text, SearchField field = SearchField.Body) => new("", field, text);
}

/// <summary>
/// A leaflet's texts of its bodies (<see cref="SearchableTexts.IsBody"/>) as the bytes the index stores beside its terms,
/// so a page of results cuts its snippets from the index and the leaflets' front matter alone. A compiled snapshot's
/// leaflets hold no bodies, and loading a page's 25 from their Markdown was most of what a search not yet remembered
/// cost at 10,000 leaflets (bench/README, "Snippets from the index"). Only the bodies: the front matter is held anyway,
/// and a match in a title (the usual one) then decompresses no stored text.
/// </summary>
internal static class StoredSearchableTexts
{
    /// <summary>In the order <see cref="SearchableTexts.Of(Leaflet)"/> gives them: the order snippets look through.</summary>
    public static byte[] Encode(IReadOnlyCollection<SearchableText> texts)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(texts.Count);
            foreach (var text in texts)
            {
                writer.Write((byte)text.Field);
                writer.Write(text.Language);
                writer.Write(text.Text);
            }
        }
        return bytes.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not what <see cref="Encode"/> writes.</exception>
    public static List<SearchableText> Decode(byte[] bytes, int offset, int length)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, offset, length, writable: false), System.Text.Encoding.UTF8);
            var count = reader.Read7BitEncodedInt();
            // Each text is at least three bytes (its field and two empty strings): a count beyond that is damage.
            if (count < 0 || count > length / 3)
            {
                throw new InvalidDataException($"{count} searchable texts cannot fit in {length} bytes.");
            }
            var texts = new List<SearchableText>(count);
            for (var i = 0; i < count; i++)
            {
                var field = (SearchField)reader.ReadByte();
                if (!Enum.IsDefined(field))
                {
                    throw new InvalidDataException($"No search field is numbered {(int)field}.");
                }
                var language = reader.ReadString();
                texts.Add(new SearchableText(language, field, reader.ReadString()));
            }
            return reader.BaseStream.Position == reader.BaseStream.Length
                ? texts
                : throw new InvalidDataException("Bytes are left after the last searchable text.");
        }
        catch (Exception error) when (error is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException($"The stored searchable texts do not parse ({error.Message}).", error);
        }
    }
}
