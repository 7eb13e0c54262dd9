using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Epub;

namespace Leaflets.Content.Tests.Epub;

/// <summary>An EPUB opened for reading back: its entries in order, and its XML documents parsed.</summary>
internal sealed class EpubFiles
{
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    public static readonly XNamespace Ops = "http://www.idpf.org/2007/ops";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public EpubFiles(byte[] bytes)
    {
        Bytes = bytes;
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Names = [.. zip.Entries.Select(entry => entry.FullName)];
        Entries = zip.Entries.ToDictionary(entry => entry.FullName, entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
    }

    public static EpubFiles Of(Leaflet leaflet, LeafletDocument document)
        => new(LeafletEpubRenderer.Render(EpubRequest.For(leaflet, document, TestDocuments.Today, Leaflets.Content.Text.StringsLibrary.Embedded)));

    public byte[] Bytes { get; }

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyDictionary<string, byte[]> Entries { get; }

    public XDocument Xml(string name) => XDocument.Parse(Encoding.UTF8.GetString(Entries[name]));

    public XDocument Package => Xml("EPUB/package.opf");

    public XDocument Content => Xml("EPUB/leaflet.xhtml");

    public XDocument Navigation => Xml("EPUB/nav.xhtml");

    /// <summary>The values of the package's <c>meta</c> elements with this property.</summary>
    public IReadOnlyList<string> Meta(string property)
        => [.. Package.Descendants(Opf + "meta").Where(meta => (string?)meta.Attribute("property") == property).Select(meta => meta.Value)];

    /// <summary>
    /// The rich test leaflet's pictures are empty (its renderers need only their names and sizes); a validator that reads
    /// them needs real ones, so each takes the bytes of a picture of the real content.
    /// </summary>
    public static Leaflet WithRealPictures(Leaflet leaflet)
    {
        var real = RealContent.Load.Leaflets.Values.SelectMany(each => each.Images.Values).First(image => image.ContentType == "image/png");
        return leaflet with
        {
            Images = leaflet.Images.ToImmutableSortedDictionary(pair => pair.Key, pair => pair.Value with { Bytes = real.Bytes }, StringComparer.Ordinal),
        };
    }

    /// <summary><paramref name="epub"/> with one entry's text changed (and mimetype stored unless <paramref name="compressMimetype"/>).</summary>
    public static byte[] WithEntryChanged(byte[] epub, string name, Func<string, string> change, bool compressMimetype = false)
    {
        using var from = new ZipArchive(new MemoryStream(epub), ZipArchiveMode.Read);
        using var stream = new MemoryStream();
        using (var to = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in from.Entries)
            {
                using var reader = entry.Open();
                using var copy = new MemoryStream();
                reader.CopyTo(copy);
                var bytes = entry.FullName == name ? Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(copy.ToArray()))) : copy.ToArray();
                var level = entry.FullName == "mimetype" && !compressMimetype ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
                using var writer = to.CreateEntry(entry.FullName, level).Open();
                writer.Write(bytes);
            }
        }
        return stream.ToArray();
    }

    /// <summary>Writes the EPUB to <paramref name="folder"/> under its own file name.</summary>
    public static string Write(string folder, Leaflet leaflet, LeafletDocument document)
    {
        var request = EpubRequest.For(leaflet, document, TestDocuments.Today, Leaflets.Content.Text.StringsLibrary.Embedded);
        var path = Path.Combine(folder, request.FileName);
        File.WriteAllBytes(path, LeafletEpubRenderer.Render(request));
        return path;
    }
}
