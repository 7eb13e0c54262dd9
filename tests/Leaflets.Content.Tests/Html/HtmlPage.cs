using System.Xml;
using System.Xml.Linq;

namespace Leaflets.Content.Tests.Html;

/// <summary>Parses a rendered page as XML: the renderer promises markup that is well-formed, so this fails if it is not.</summary>
internal static class HtmlPage
{
    public static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    public static IEnumerable<XElement> All(this XDocument page, string name) => page.Descendants(name);

    public static string? Attr(this XElement element, string name) => element.Attribute(name)?.Value;
}
