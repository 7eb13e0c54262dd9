using System.Text;
using System.Xml.Linq;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Html;

namespace Leaflets.Content.Tests.Html;

/// <summary>
/// The web pages of the Welsh cementoplasty leaflet (content/leaflets/cementoplasty/*.cy.md): Welsh throughout. Text the
/// page marks lang="en" (an English fallback, or the unreviewed-translation notice in the main language) is read as
/// English by a screen reader, so it is not Welsh chrome and is left out of the search for English words. The link to the
/// other variant is searched too: it is in the page's own words.
/// </summary>
public sealed class WelshLeafletPageTests
{
    private const string Welsh = "cy";

    /// <summary>Words only our code could put on a Welsh page in English: the leaflet's own words are all Welsh.</summary>
    private static readonly string[] EnglishChrome =
    [
        "Version", "Reviewed", "reviewed", "Page", "References", "About this leaflet", "Last reviewed", "Next review", "continued",
        "overdue", "Read the", "Other versions", "Ask your care team", "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    [Theory]
    [InlineData(LeafletVariant.Plain)]
    [InlineData(LeafletVariant.EasyRead)]
    public void A_Welsh_page_says_it_is_Welsh_and_holds_no_English_chrome_word_outside_text_marked_English(LeafletVariant variant)
    {
        var leaflet = RealContent.Get("cementoplasty");
        var page = HtmlPage.Parse(LeafletHtmlRenderer.Render(leaflet, variant, today: TestDocuments.Today, language: Welsh));

        Assert.Equal(Welsh, page.Root!.Attr("lang"));
        var words = NotMarkedEnglish(page.Root!);
        Assert.All(EnglishChrome, word => Assert.DoesNotContain(word, words, StringComparison.Ordinal));
        Assert.Contains(leaflet.Document(variant, Welsh).Metadata.Title, words, StringComparison.Ordinal);
        Assert.Contains("Am y daflen hon", words, StringComparison.Ordinal);
        Assert.Contains("Mae adolygiad y daflen hon yn hwyr.", words, StringComparison.Ordinal);
        Assert.Contains("balŵn", words, StringComparison.Ordinal);
    }

    /// <summary>The page's title and the words of its body, skipping any element marked lang="en" (or "en-*") with all it holds.</summary>
    private static string NotMarkedEnglish(XElement root)
    {
        var text = new StringBuilder();
        void Collect(XElement element)
        {
            if (element.Attr("lang") is { } language && (language == "en" || language.StartsWith("en-", StringComparison.Ordinal)))
            {
                return;
            }
            foreach (var node in element.Nodes())
            {
                switch (node)
                {
                    case XText words:
                        text.Append(words.Value).Append(' ');
                        break;
                    case XElement child:
                        Collect(child);
                        break;
                }
            }
        }
        foreach (var part in root.Descendants("title").Take(1).Concat(root.Descendants("body")))
        {
            Collect(part);
        }
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
