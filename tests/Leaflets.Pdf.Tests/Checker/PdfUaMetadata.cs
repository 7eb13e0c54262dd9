using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace Leaflets.Pdf.Tests.Checker;

/// <summary>
/// For the checker fixtures, which alter a saved PDF and must then restore PDF/UA metadata: gives a PDF saved by PDFsharp the XMP metadata PDF/UA-1 requires (dc:title, dc:language, pdfuaid:part = 1).
/// PDFsharp 6.2 regenerates /Metadata on every save and never writes pdfuaid, so the stream is replaced
/// afterwards by an incremental update: the metadata object is redefined under its own object number and a
/// new cross-reference section points at it. Readers take the newest definition; nothing else moves.
/// </summary>
internal static partial class PdfUaMetadata
{
    public static byte[] Apply(byte[] pdf, string title, string language)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);

        var text = Encoding.Latin1.GetString(pdf);
        var previousXref = LastMatch(StartXref(), text, "startxref")!.Groups[1].Value;
        var trailer = TrailerEntries(text);
        var root = RootReference().Match(trailer);
        if (!root.Success)
            throw new InvalidOperationException("The PDF trailer has no /Root reference.");

        var catalog = ObjectBody(text, root.Groups[1].Value, root.Groups[2].Value);
        var metadata = MetadataReference().Match(catalog);
        if (!metadata.Success)
            throw new InvalidOperationException("The PDF catalog has no /Metadata stream to replace.");

        var xmp = Encoding.UTF8.GetBytes(Xmp(title, language));
        var appendix = new MemoryStream();
        appendix.Write(pdf);
        if (pdf.Length > 0 && pdf[^1] != (byte)'\n')
            WriteAscii(appendix, "\n");

        var objectOffset = appendix.Length;
        var number = metadata.Groups[1].Value;
        var generation = int.Parse(metadata.Groups[2].Value, CultureInfo.InvariantCulture);
        WriteAscii(appendix, $"{number} {generation} obj\n<< /Type /Metadata /Subtype /XML /Length {xmp.Length} >>\nstream\n");
        appendix.Write(xmp);
        WriteAscii(appendix, "\nendstream\nendobj\n");

        var xrefOffset = appendix.Length;
        var entries = PreviousEntry().Replace(trailer, "").Trim();
        WriteAscii(appendix,
            $"xref\n{number} 1\n{objectOffset:D10} {generation:D5} n\r\n" +
            $"trailer\n<< {entries} /Prev {previousXref} >>\nstartxref\n{xrefOffset}\n%%EOF\n");
        return appendix.ToArray();
    }

    static string Xmp(string title, string language)
    {
        var escapedTitle = SecurityElement.Escape(title);
        var escapedLanguage = SecurityElement.Escape(language);
        // The packet header carries a UTF-8 byte order mark, as XMP embedded in PDF expects.
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n" +
            " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
            "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n" +
            $"   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{escapedTitle}</rdf:li></rdf:Alt></dc:title>\n" +
            $"   <dc:language><rdf:Bag><rdf:li>{escapedLanguage}</rdf:li></rdf:Bag></dc:language>\n" +
            "   <dc:format>application/pdf</dc:format>\n" +
            "  </rdf:Description>\n" +
            "  <rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n" +
            "   <pdfuaid:part>1</pdfuaid:part>\n" +
            "  </rdf:Description>\n" +
            " </rdf:RDF>\n" +
            "</x:xmpmeta>\n" +
            "<?xpacket end=\"r\"?>";
    }

    static string TrailerEntries(string text)
    {
        var start = text.LastIndexOf("trailer", StringComparison.Ordinal);
        if (start < 0)
            throw new InvalidOperationException("The PDF has no classic trailer (cross-reference streams are not supported).");
        var open = text.IndexOf("<<", start, StringComparison.Ordinal);
        var depth = 0;
        for (var i = open; i < text.Length - 1; i++)
        {
            if (text[i] == '<' && text[i + 1] == '<') { depth++; i++; }
            else if (text[i] == '>' && text[i + 1] == '>')
            {
                depth--;
                if (depth == 0)
                    return text[(open + 2)..i];
                i++;
            }
        }
        throw new InvalidOperationException("The PDF trailer dictionary is not closed.");
    }

    static string ObjectBody(string text, string number, string generation)
    {
        var header = LastMatch(new Regex($@"(?<![0-9]){number}\s+{generation}\s+obj\b"), text, $"object {number}")!;
        var end = text.IndexOf("endobj", header.Index, StringComparison.Ordinal);
        return end < 0 ? text[header.Index..] : text[header.Index..end];
    }

    static Match? LastMatch(Regex regex, string text, string what)
    {
        Match? last = null;
        for (var match = regex.Match(text); match.Success; match = match.NextMatch())
            last = match;
        return last ?? throw new InvalidOperationException($"The PDF has no {what}.");
    }

    static void WriteAscii(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Root\s+(\d+)\s+(\d+)\s+R")]
    private static partial Regex RootReference();

    [GeneratedRegex(@"/Metadata\s+(\d+)\s+(\d+)\s+R")]
    private static partial Regex MetadataReference();

    [GeneratedRegex(@"/Prev\s+\d+")]
    private static partial Regex PreviousEntry();
}
