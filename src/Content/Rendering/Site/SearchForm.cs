namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// The one search form of every site page, in its header: an ordinary GET form to the search page, with a visible
/// label. A page has exactly one, so its field's id is fixed.
/// </summary>
internal static class SearchForm
{
    public const string FieldId = "search-q";

    public static void Write(Html.HtmlWriter html, SiteUrls urls, string? words)
    {
        html.Open("form", ("role", "search"), ("class", "search"), ("action", urls.SearchForm), ("method", "get")).Line();
        html.Element("label", SiteWords.Strings.SearchLabel, ("for", FieldId)).Line();
        html.Open("div", ("class", "search-row")).Line();
        html.Void("input", ("type", "search"), ("name", SiteUrls.QueryParameter), ("id", FieldId), ("value", words)).Line();
        html.Element("button", SiteWords.Strings.SearchButton, ("type", "submit")).Line();
        html.Close("div").Line();
        html.Close("form").Line();
    }
}
