using System.Collections.Immutable;

namespace Leaflets.Content.Model;

/// <summary>
/// The managed memory a leaflet holds once loaded, estimated from its parts on a 64-bit runtime: every object its
/// 16-byte header and 8 bytes a field, every string 22 bytes and 2 a character, every array 24 bytes and its items, each
/// image's bytes twice (the loaded bytes, and the PDF renderer's parsed or decoded copy kept beside the image while it
/// lives). What a memory bound must count: a leaflet's Markdown read as UTF-8 becomes UTF-16 strings in a tree of
/// blocks, several times the bytes read (issue 12: a bound counted in bytes read held three to four times its size).
/// An estimate, not a measurement: it errs on the high side (no sharing of equal strings is assumed).
/// </summary>
public static class HeldBytes
{
    private const long Header = 16;
    private const long Field = 8;
    private const long ArrayHeader = 24;
    // ImmutableSortedDictionary: the dictionary object and one AVL node (key, value, left, right, height) per entry.
    private const long SortedDictionary = Header + 4 * Field;
    private const long SortedNode = Header + 5 * Field;

    public static long Of(Leaflet leaflet)
    {
        ArgumentNullException.ThrowIfNull(leaflet);
        var bytes = Object(5) + Of(leaflet.Id) + SortedDictionary + SortedNode * (leaflet.Variants.Count + leaflet.Images.Count + leaflet.Translations.Count);
        bytes += leaflet.AllDocuments.Sum(Of);
        bytes += leaflet.Translations.Values.Sum(translated => SortedDictionary + SortedNode * translated.Count);
        bytes += SortedDictionary + leaflet.Images.Values.Sum(Of);
        return bytes;
    }

    public static long Of(LeafletDocument document)
    {
        var bytes = Object(8) + Of(document.LeafletId) + Of(document.ContentHash) + Of(document.SourcePath) + Of(document.Metadata);
        return document.IsBodyLoaded ? bytes + Of(document.Blocks) : bytes;
    }

    public static long Of(LeafletImage image) =>
        Object(6) + Of(image.FileName) + Of(image.ContentType) + (image.IsLoaded ? 2 * (ArrayHeader + image.Bytes.Length) : 0);

    public static long Of(LeafletMetadata metadata) =>
        Object(13) + Of(metadata.Title) + Of(metadata.Summary) + Of(metadata.Language) + Of(metadata.TranslatedFrom) + Of(metadata.ReferencesLanguage)
        + Of(metadata.Topics) + Of(metadata.Synonyms)
        + Array(metadata.Codes.Length) + metadata.Codes.Sum(code => Object(3) + Of(code.System) + Of(code.Code) + Of(code.Display))
        + Array(metadata.References.Length) + metadata.References.Sum(reference => Object(4) + Of(reference.Title) + Of(reference.Publisher) + Of(reference.Url));

    public static long Of(ImmutableArray<Block> blocks) => blocks.IsDefault ? 0 : Array(blocks.Length) + blocks.Sum(Of);

    public static long Of(Block block) => block switch
    {
        HeadingBlock heading => Object(3) + Of(heading.Inlines) + Of(heading.Anchor),
        ParagraphBlock paragraph => Object(2) + Of(paragraph.Inlines),
        ListBlock list => Object(3) + Array(list.Items.Length) + list.Items.Sum(item => Object(1) + Of(item.Blocks)),
        FigureBlock figure => Object(4) + Of(figure.Source) + Of(figure.Alt) + Of(figure.Caption),
        CalloutBlock callout => Object(3) + Of(callout.Label) + Of(callout.Blocks),
        TableBlock table => Object(3) + Cells(table.Header) + Array(table.Rows.Length) + table.Rows.Sum(Cells),
        PictureRowBlock row => Object(3) + Of(row.Figure) + Of(row.Blocks),
        _ => Object(1),
    };

    public static long Of(ImmutableArray<Inline> inlines) => inlines.IsDefault ? 0 : Array(inlines.Length) + inlines.Sum(Of);

    public static long Of(Inline inline) => inline switch
    {
        TextInline text => Object(1) + Of(text.Text),
        StrongInline strong => Object(1) + Of(strong.Children),
        LinkInline link => Object(2) + Of(link.Href) + Of(link.Children),
        _ => Object(1),
    };

    public static long Of(string? text) => text is null ? 0 : Aligned(22 + 2L * text.Length);

    private static long Of(ImmutableArray<string> texts) => texts.IsDefault ? 0 : Array(texts.Length) + texts.Sum(Of);

    private static long Cells(ImmutableArray<TableCell> cells) => Array(cells.Length) + cells.Sum(cell => Object(1) + Of(cell.Inlines));

    private static long Object(int fields) => Math.Max(24, Header + Field * fields);

    private static long Array(int items) => Aligned(ArrayHeader + Field * items);

    private static long Aligned(long bytes) => (bytes + 7) & ~7L;
}
