using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering;

/// <summary>
/// What a translation no qualified speaker of its language has checked yet says under its title, on the page and on
/// paper alike: the sentence in the document's language (<see cref="Text"/>), then the same sentence in the leaflet's
/// main language (<see cref="MainText"/>), for a reader who reads that language better or who helps the patient read.
/// Each carries the <c>lang</c> it needs inside the page (null where it is the page's own language), so a screen reader
/// reads the second sentence with the main language's voice.
/// </summary>
internal sealed record TranslationNotice(string Text, string? TextLanguage, string? MainText, string? MainLanguage)
{
    /// <summary>
    /// What the notice adds to a page's inputs: the version of the main language's strings, whose words it shows
    /// (nothing when there is no notice, so other pages keep their versions). The PDF's are in <see cref="Pdf.PdfRequest"/>.
    /// </summary>
    public static IEnumerable<string> StringsVersions(LeafletMetadata metadata, StringsLibrary strings)
        => For(metadata, strings) is not null && metadata.TranslatedFrom is { } main ? [strings.For(main).Version] : [];

    /// <summary>The notice for a document, or null when it needs none (a main-language file, a reviewed translation).</summary>
    public static TranslationNotice? For(LeafletMetadata metadata, StringsLibrary library)
    {
        if (metadata is not { TranslationStatus: TranslationStatus.Unreviewed, TranslatedFrom: { } main })
        {
            return null;
        }
        var strings = library.For(metadata.Language);
        var text = strings.Leaflet.TranslationUnreviewed;
        var textLanguage = strings.LanguageInside(s => s.Leaflet.TranslationUnreviewed, metadata.Language);
        var mainStrings = library.For(main);
        var mainText = mainStrings.Leaflet.TranslationUnreviewed;
        // The main language's own tag (en-GB) where its strings file has the words, else the language they fell back to.
        var mainTextLanguage = mainStrings.LanguageInside(s => s.Leaflet.TranslationUnreviewed, main) ?? main;
        // A language with no words of its own shows the main language's (English) sentence: once is enough.
        return string.Equals(text, mainText, StringComparison.Ordinal)
            ? new(text, textLanguage, null, null)
            : new(text, textLanguage, mainText, mainTextLanguage);
    }
}
