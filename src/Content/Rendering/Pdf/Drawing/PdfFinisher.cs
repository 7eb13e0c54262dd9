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
        var xref = CrossReference.Read(pdf);
        FixSubsetTags(pdf, xref, documentKey);
        return ReplaceMetadata(pdf, xref, Xmp(metadata, documentKey, stamp));
    }

    /// <summary>A 16-byte document id from the content key, as the raw string PDFsharp's trailer expects.</summary>
    public static string DocumentId(string documentKey)
        => Latin1.GetString(SHA256.HashData(Encoding.UTF8.GetBytes(documentKey)).AsSpan(0, 16));

    /// <summary>
    /// Rewrites the random subset tag in each font's and font descriptor's /BaseFont and /FontName
    /// ("/ABCDEF+FontName": six capitals, a plus, a name) with a tag hashed from the key, the same tag for every
    /// occurrence of the same original. Only those dictionary entries are read, never a string or a stream (a
    /// figure or a font program may hold the same bytes). Tags keep their length, so no offset moves.
    /// </summary>
    internal static void FixSubsetTags(Span<byte> pdf, CrossReference xref, string documentKey)
    {
        var replacements = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var entries = new List<(Range Key, Range Value)>();
        Span<byte> hash = stackalloc byte[32];
        var objects = xref.ObjectOffsets;
        for (var i = 0; i < objects.Length; i++)
        {
            var end = i + 1 < objects.Length ? objects[i + 1] : xref.Offset;
            // Most objects are structure elements and content: skip any that cannot be a font without parsing them.
            if (pdf[objects[i]..end].IndexOf("/Font"u8) < 0)
            {
                continue;
            }
            PdfSyntax.ReadDictionaryEntries(pdf[..end], objects[i], entries);
            if (!IsFontDictionary(pdf, entries))
            {
                continue;
            }
            foreach (var (key, value) in entries)
            {
                if (pdf[key].SequenceEqual("/BaseFont"u8) || pdf[key].SequenceEqual("/FontName"u8))
                {
                    ReplaceTag(pdf[value], documentKey, replacements, hash);
                }
            }
        }
    }

    private static bool IsFontDictionary(ReadOnlySpan<byte> pdf, List<(Range Key, Range Value)> entries)
    {
        foreach (var (key, value) in entries)
        {
            if (pdf[key].SequenceEqual("/Type"u8))
            {
                return pdf[value].SequenceEqual("/Font"u8) || pdf[value].SequenceEqual("/FontDescriptor"u8);
            }
        }
        return false;
    }

    private static void ReplaceTag(Span<byte> fontName, string documentKey, Dictionary<string, byte[]> replacements, Span<byte> hash)
    {
        const int TagLength = 6;
        if (fontName.Length <= TagLength + 2 || fontName[0] != (byte)'/' || fontName[TagLength + 1] != (byte)'+' || !IsTag(fontName.Slice(1, TagLength)))
        {
            return;
        }
        // Hashed is the name up to its first byte outside [A-Za-z0-9-] ("Atkinson" of "Atkinson#20Hyperlegible"), as
        // when every byte of the file was scanned, so each tag, and so each PDF's bytes, stay what they were.
        var nameAt = TagLength + 2;
        var nameLength = fontName[nameAt..].IndexOfAnyExcept(NameBytes);
        if (nameLength == 0)
        {
            return;
        }
        var original = Latin1.GetString(fontName[1..(nameLength < 0 ? fontName.Length : nameAt + nameLength)]);
        if (!replacements.TryGetValue(original, out var tag))
        {
            var name = original[(TagLength + 1)..];
            SHA256.HashData(Encoding.UTF8.GetBytes($"{documentKey}/{name}/{replacements.Count.ToString(CultureInfo.InvariantCulture)}"), hash);
            tag = new byte[TagLength];
            for (var i = 0; i < tag.Length; i++)
            {
                tag[i] = (byte)('A' + (hash[i] % 26));
            }
            replacements[original] = tag;
        }
        tag.CopyTo(fontName.Slice(1, TagLength));
    }

    private static bool IsTag(ReadOnlySpan<byte> candidate) => !candidate.ContainsAnyExceptInRange((byte)'A', (byte)'Z');

    private static readonly System.Buffers.SearchValues<byte> NameBytes = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-"u8);

    /// <summary>
    /// PDFsharp writes the metadata object last, just before the cross-reference table, so it can be
    /// swapped without moving any other object: only startxref changes.
    /// </summary>
    private static byte[] ReplaceMetadata(ReadOnlySpan<byte> pdf, CrossReference xref, string xmp)
    {
        var trailer = pdf[xref.Offset..xref.StartXrefAt];
        var number = MetadataObjectNumber(pdf[..xref.Offset]);
        if (number < 0)
        {
            throw new InvalidOperationException("The saved PDF has no metadata reference.");
        }
        var objectAt = pdf[..xref.Offset].LastIndexOf(Encoding.ASCII.GetBytes($"\n{number.ToString(CultureInfo.InvariantCulture)} 0 obj")) + 1;
        if (objectAt <= 0 || xref.ObjectOffsets[^1] != objectAt)
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

    /// <summary>Where PDFsharp's classic cross-reference table starts, where "startxref" is, and every object's offset in file order.</summary>
    internal sealed record CrossReference(int Offset, int StartXrefAt, int[] ObjectOffsets)
    {
        public static CrossReference Read(ReadOnlySpan<byte> pdf)
        {
            var startXrefAt = pdf.LastIndexOf("startxref"u8);
            var xrefOffset = startXrefAt < 0 ? -1 : ParseFirstNumber(pdf[(startXrefAt + 9)..]);
            if (xrefOffset < 0 || xrefOffset > startXrefAt)
            {
                throw new InvalidOperationException("The saved PDF has no usable startxref.");
            }
            var table = pdf[xrefOffset..startXrefAt];
            if (!table.StartsWith("xref"u8))
            {
                throw new InvalidOperationException("The saved PDF has no classic cross-reference table.");
            }
            int[] offsets = [.. XrefEntry().Matches(Latin1.GetString(table)).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order()];
            if (offsets.Length == 0)
            {
                throw new InvalidOperationException("The saved PDF's cross-reference table lists no objects.");
            }
            return new CrossReference(xrefOffset, startXrefAt, offsets);
        }
    }

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
