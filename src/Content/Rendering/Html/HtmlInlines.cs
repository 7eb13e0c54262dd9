using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering.Html;

internal static class HtmlInlines
{
    public static void Write(HtmlWriter html, IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline text:
                    html.Text(text.Text);
                    break;
                case StrongInline strong:
                    html.Open("strong");
                    Write(html, strong.Children);
                    html.Close("strong");
                    break;
                case LinkInline link when IsSafeHref(link.Href):
                    html.Open("a", ("href", link.Href));
                    Write(html, link.Children);
                    html.Close("a");
                    break;
                case LinkInline link:
                    // A scheme we do not link to (javascript:, data:) keeps its words and loses the link.
                    Write(html, link.Children);
                    break;
                default:
                    throw new NotSupportedException($"The HTML renderer does not know the inline {inline.GetType().Name}.");
            }
        }
    }

    internal static bool IsSafeHref(string href)
        => Uri.TryCreate(href, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto || uri.Scheme == "tel");
}
