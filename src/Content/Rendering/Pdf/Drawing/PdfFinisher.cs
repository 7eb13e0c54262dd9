using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering.Pdf.Drawing;

/// <summary>
/// Final touches to the bytes PDFsharp saved, which it offers no hook for:
/// its XMP packet (written during save, with random ids and without the PDF/UA identifier) is
/// replaced by ours, and the random font-subset tags become tags derived from the content hash,
/// so the same leaflet and options always give the same bytes.
/// </summary>
internal static partial class PdfFinisher
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static byte[] Finish(byte[] pdf, LeafletMetadata metadata, string documentKey, DateTime stamp)
    {
        var text = Latin1.GetString(pdf);
        text = FixSubsetTags(text, documentKey);
        return Latin1.GetBytes(ReplaceMetadata(text, Xmp(metadata, documentKey, stamp)));
    }

    /// <summary>A 16-byte document id from the content key, as the raw string PDFsharp's trailer expects.</summary>
    public static string DocumentId(string documentKey)
        => Latin1.GetString(SHA256.HashData(Encoding.UTF8.GetBytes(documentKey)).AsSpan(0, 16));

    private static string FixSubsetTags(string text, string documentKey)
    {
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        return SubsetTag().Replace(text, match =>
        {
            var original = match.Groups["tag"].Value + "+" + match.Groups["name"].Value;
            if (!replacements.TryGetValue(original, out var tag))
            {
                var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{documentKey}/{match.Groups["name"].Value}/{replacements.Count}"));
                tag = new string(hash.Take(6).Select(b => (char)('A' + (b % 26))).ToArray());
                replacements[original] = tag;
            }
            return "/" + tag + "+" + match.Groups["name"].Value;
        });
    }

    /// <summary>
    /// PDFsharp writes the metadata object last, just before the cross-reference table, so it can be
    /// swapped without moving any other object: only startxref changes.
    /// </summary>
    private static string ReplaceMetadata(string text, string xmp)
    {
        var startXrefAt = text.LastIndexOf("startxref", StringComparison.Ordinal);
        var xrefOffset = int.Parse(Regex.Match(text[(startXrefAt + 9)..], @"\d+").Value, CultureInfo.InvariantCulture);
        var trailer = text[xrefOffset..startXrefAt];
        var metadataRef = MetadataReference().Match(text[..xrefOffset]);
        if (!metadataRef.Success || !trailer.StartsWith("xref", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The saved PDF has no metadata reference or no classic cross-reference table.");
        }
        var number = int.Parse(metadataRef.Groups[1].Value, CultureInfo.InvariantCulture);
        var objectAt = text.LastIndexOf($"\n{number} 0 obj", xrefOffset, StringComparison.Ordinal) + 1;
        var entries = XrefOffsets(trailer);
        if (objectAt <= 0 || entries.Max() != objectAt)
        {
            throw new InvalidOperationException("The metadata object is not the last object PDFsharp wrote; cannot replace it in place.");
        }
        var stream = Latin1.GetString(Encoding.UTF8.GetBytes(xmp));
        var metadataObject = $"{number} 0 obj\n<</Type/Metadata/Subtype/XML/Length {stream.Length.ToString(CultureInfo.InvariantCulture)}>>\nstream\n{stream}\nendstream\nendobj\n";
        var newXref = objectAt + metadataObject.Length;
        return string.Concat(text.AsSpan(0, objectAt), metadataObject, trailer, $"startxref\n{newXref.ToString(CultureInfo.InvariantCulture)}\n%%EOF\n");
    }

    private static List<int> XrefOffsets(string xref)
        => XrefEntry().Matches(xref).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    private static string Xmp(LeafletMetadata metadata, string documentKey, DateTime stamp)
    {
        var id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(documentKey)).AsSpan(0, 16));
        var date = stamp.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        static string X(string s) => System.Security.SecurityElement.Escape(s) ?? "";
        return $"""
            <?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about=""
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
                xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
               <dc:format>application/pdf</dc:format>
               <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{X(metadata.Title)}</rdf:li></rdf:Alt></dc:title>
               <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{X(metadata.Summary)}</rdf:li></rdf:Alt></dc:description>
               <dc:language><rdf:Bag><rdf:li>{X(metadata.Language)}</rdf:li></rdf:Bag></dc:language>
               <xmp:CreatorTool>Leaflets</xmp:CreatorTool>
               <xmp:CreateDate>{date}</xmp:CreateDate>
               <xmp:ModifyDate>{date}</xmp:ModifyDate>
               <xmp:MetadataDate>{date}</xmp:MetadataDate>
               <xmpMM:DocumentID>uuid:{id}</xmpMM:DocumentID>
               <xmpMM:InstanceID>uuid:{id}</xmpMM:InstanceID>
               <pdfuaid:part>1</pdfuaid:part>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="r"?>
            """;
    }

    [GeneratedRegex(@"/(?<tag>[A-Z]{6})\+(?<name>[A-Za-z0-9-]+)")]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"/Metadata (\d+) 0 R")]
    private static partial Regex MetadataReference();

    [GeneratedRegex(@"(\d{10}) \d{5} n")]
    private static partial Regex XrefEntry();
}
