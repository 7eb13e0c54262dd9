using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// A page of the website in one language (<see cref="Language"/>, a tag of <see cref="Strings"/>), with the same page in
/// each language it is in (<see cref="Versions"/>, its own among them) and the address that lets the reader's browser
/// choose (<see cref="Choosing"/>): what its language switch and <c>hreflang</c> alternates show.
/// </summary>
public sealed record SiteLanguage(StringsLibrary Strings, string Language)
{
    public IReadOnlyList<(string Language, string Href)> Versions { get; init; } = [];

    public string? Choosing { get; init; }

    /// <summary>A page in <paramref name="language"/> with no links to others (an error page, a test of the words alone).</summary>
    public static SiteLanguage Only(StringsLibrary strings, string language) => new(strings, language);

    internal SiteWords Words => new(Strings, Language);
}

/// <summary>
/// The language switch of every site page (the leaflet page, home, search, a topic): a link to the same page in each
/// other language, named in itself ("Cymraeg", read in that language), and the head's <c>hreflang</c> alternates.
/// </summary>
internal static class LanguageSwitch
{
    /// <summary>The <c>hreflang</c> of the alternate that lets the reader's browser choose.</summary>
    public const string DefaultAlternate = "x-default";

    /// <summary>Each language's address, then the choosing one; none for a page in one language.</summary>
    public static IReadOnlyList<(string Language, string Href)> Alternates(SiteLanguage page)
        => page.Versions.Count < 2 || page.Choosing is not { } choosing ? [] : [.. page.Versions, (DefaultAlternate, choosing)];

    public static void Write(HtmlWriter html, SiteLanguage page, SiteWords words)
    {
        var others = page.Versions.Where(version => !LanguageTags.Comparer.Equals(version.Language, page.Language)).ToList();
        if (others.Count == 0)
        {
            return;
        }
        html.Open("nav", ("class", "languages"), ("aria-label", words.Strings.LanguageNavLabel)).Line();
        html.Open("ul").Line();
        foreach (var (language, href) in others)
        {
            var (name, nameLanguage) = words.OwnName(language);
            html.Open("li").Element("a", name, ("href", href), ("hreflang", language), ("lang", nameLanguage)).Close("li").Line();
        }
        html.Close("ul").Line();
        html.Close("nav").Line();
    }
}
