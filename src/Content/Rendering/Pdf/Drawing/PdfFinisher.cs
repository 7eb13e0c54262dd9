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

    /// <summary>
    /// Works on the saved bytes in place where lengths do not change (subset tags) and copies them once
    /// (to swap the metadata), so a render makes no large intermediate strings.
    /// </summary>
    public static byte[] Finish(Span<byte> pdf, LeafletMetadata metadata, string documentKey, DateTime stamp)
    {
        FixSubsetTags(pdf, documentKey);
        return ReplaceMetadata(pdf, Xmp(metadata, documentKey, stamp));
    }

    /// <summary>A 16-byte document id from the content key, as the raw string PDFsharp's trailer expects.</summary>
    public static string DocumentId(string documentKey)
        => Latin1.GetString(SHA256.HashData(Encoding.UTF8.GetBytes(documentKey)).AsSpan(0, 16));

    /// <summary>
    /// Rewrites every "/ABCDEF+FontName" (six capitals, a plus, a name) with a tag hashed from the key,
    /// the same tag for every occurrence of the same original. Tags keep their length, so no offset moves.
    /// </summary>
    private static void FixSubsetTags(Span<byte> pdf, string documentKey)
    {
        var replacements = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        Span<byte> hash = stackalloc byte[32];
        var from = 0;
        while (from < pdf.Length)
        {
            var plus = pdf[from..].IndexOf((byte)'+');
            if (plus < 0)
            {
                return;
            }
            plus += from;
            var nameEnd = plus + 1;
            while (nameEnd < pdf.Length && IsNameByte(pdf[nameEnd]))
            {
                nameEnd++;
            }
            from = plus + 1;
            if (plus < 7 || nameEnd == plus + 1 || pdf[plus - 7] != (byte)'/' || !IsTag(pdf.Slice(plus - 6, 6)))
            {
                continue;
            }
            var name = Latin1.GetString(pdf[(plus + 1)..nameEnd]);
            var original = Latin1.GetString(pdf.Slice(plus - 6, 6)) + "+" + name;
            if (!replacements.TryGetValue(original, out var tag))
            {
                SHA256.HashData(Encoding.UTF8.GetBytes($"{documentKey}/{name}/{replacements.Count.ToString(CultureInfo.InvariantCulture)}"), hash);
                tag = new byte[6];
                for (var i = 0; i < tag.Length; i++)
                {
                    tag[i] = (byte)('A' + (hash[i] % 26));
                }
                replacements[original] = tag;
            }
            tag.CopyTo(pdf.Slice(plus - 6, 6));
            from = nameEnd;
        }
    }

    private static bool IsTag(ReadOnlySpan<byte> candidate) => !candidate.ContainsAnyExceptInRange((byte)'A', (byte)'Z');

    private static bool IsNameByte(byte b) => b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-';

    /// <summary>
    /// PDFsharp writes the metadata object last, just before the cross-reference table, so it can be
    /// swapped without moving any other object: only startxref changes.
    /// </summary>
    private static byte[] ReplaceMetadata(ReadOnlySpan<byte> pdf, string xmp)
    {
        var startXrefAt = pdf.LastIndexOf("startxref"u8);
        var xrefOffset = startXrefAt < 0 ? -1 : ParseFirstNumber(pdf[(startXrefAt + 9)..]);
        if (xrefOffset < 0 || xrefOffset > startXrefAt)
        {
            throw new InvalidOperationException("The saved PDF has no usable startxref.");
        }
        var trailer = pdf[xrefOffset..startXrefAt];
        var number = MetadataObjectNumber(pdf[..xrefOffset]);
        if (number < 0 || !trailer.StartsWith("xref"u8))
        {
            throw new InvalidOperationException("The saved PDF has no metadata reference or no classic cross-reference table.");
        }
        var objectAt = pdf[..xrefOffset].LastIndexOf(Encoding.ASCII.GetBytes($"\n{number.ToString(CultureInfo.InvariantCulture)} 0 obj")) + 1;
        var entries = XrefOffsets(Latin1.GetString(trailer));
        if (objectAt <= 0 || entries.Max() != objectAt)
        {
            throw new InvalidOperationException("The metadata object is not the last object PDFsharp wrote; cannot replace it in place.");
        }
        var stream = Encoding.UTF8.GetBytes(xmp);
        var head = Encoding.ASCII.GetBytes($"{number.ToString(CultureInfo.InvariantCulture)} 0 obj\n<</Type/Metadata/Subtype/XML/Length {stream.Length.ToString(CultureInfo.InvariantCulture)}>>\nstream\n");
        var tail = "\nendstream\nendobj\n"u8;
        var newXref = objectAt + head.Length + stream.Length + tail.Length;
        var end = Encoding.ASCII.GetBytes($"startxref\n{newXref.ToString(CultureInfo.InvariantCulture)}\n%%EOF\n");
        var result = new byte[newXref + trailer.Length + end.Length];
        var writer = result.AsSpan();
        Append(ref writer, pdf[..objectAt]);
        Append(ref writer, head);
        Append(ref writer, stream);
        Append(ref writer, tail);
        Append(ref writer, trailer);
        Append(ref writer, end);
        return result;
    }

    private static void Append(ref Span<byte> writer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(writer);
        writer = writer[bytes.Length..];
    }

    /// <summary>The object number in the first "/Metadata N 0 R", or -1.</summary>
    private static int MetadataObjectNumber(ReadOnlySpan<byte> body)
    {
        for (var at = body.IndexOf("/Metadata "u8); at >= 0;)
        {
            var rest = body[(at + 10)..];
            var digits = rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
            if (digits > 0 && rest[digits..].StartsWith(" 0 R"u8)
                && int.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
            var next = rest.IndexOf("/Metadata "u8);
            at = next < 0 ? -1 : at + 10 + next;
        }
        return -1;
    }

    /// <summary>The first run of digits (after any whitespace), or -1.</summary>
    private static int ParseFirstNumber(ReadOnlySpan<byte> text)
    {
        var start = text.IndexOfAnyInRange((byte)'0', (byte)'9');
        if (start < 0 || text[..start].ContainsAnyExcept(" \r\n"u8))
        {
            return -1;
        }
        var length = text[start..].IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        var digits = length < 0 ? text[start..] : text.Slice(start, length);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
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

    [GeneratedRegex(@"(\d{10}) \d{5} n")]
    private static partial Regex XrefEntry();
}
