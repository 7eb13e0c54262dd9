using Leaflets.Content.Model;
namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// The one search form of every site page, in its header: an ordinary GET form to the search page, with a visible
/// label. A page has exactly one, so its field's id is fixed.
/// </summary>
internal static class SearchForm
{
    public const string FieldId = "search-q";

    public static void Write(Html.HtmlWriter html, SiteUrls urls, SiteWords words, string? searched)
    {
        html.Open("form", ("role", "search"), ("class", "search"), ("action", urls.SearchForm), ("method", "get")).Line();
        html.Element("label", words.Strings.SearchLabel, ("for", FieldId), ("lang", words.LanguageOf(s => s.Site.SearchLabel))).Line();
        html.Open("div", ("class", "search-row")).Line();
        html.Void("input", ("type", "search"), ("name", SiteUrls.QueryParameter), ("id", FieldId), ("value", searched)).Line();
        html.Element("button", words.Strings.SearchButton, ("type", "submit"), ("lang", words.LanguageOf(s => s.Site.SearchButton))).Line();
        html.Close("div").Line();
        if (urls.Language is { } language)
        {
            html.Void("input", ("type", "hidden"), ("name", LanguageTags.Parameter), ("value", language)).Line();
        }
        html.Close("form").Line();
    }
}
