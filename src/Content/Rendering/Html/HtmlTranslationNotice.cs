namespace Leaflets.Content.Rendering.Html;

/// <summary>
/// Under the title of an unreviewed translation, after any review notice: one paragraph, the sentence in the page's
/// language and then in the leaflet's main language (<see cref="TranslationNotice"/>), each marked with its
/// <c>lang</c> where it differs from the page's. Boxed like the overdue notice: something to know before reading on,
/// not an alarm.
/// </summary>
internal static class HtmlTranslationNotice
{
    public static void Write(HtmlWriter html, TranslationNotice? notice)
    {
        if (notice is null)
        {
            return;
        }
        html.Open("p", ("class", "translation-unreviewed"));
        Sentence(html, notice.Text, notice.TextLanguage);
        if (notice.MainText is { } mainText)
        {
            html.Text(" ");
            Sentence(html, mainText, notice.MainLanguage);
        }
        html.Close("p").Line();
    }

    private static void Sentence(HtmlWriter html, string text, string? language)
    {
        if (language is null)
        {
            html.Text(text);
        }
        else
        {
            html.Element("span", text, ("lang", language));
        }
    }
}
