using System.Buffers.Binary;
using System.Text;
using System.Xml.Linq;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Epub;
using static Leaflets.Content.Tests.Epub.EpubFiles;

namespace Leaflets.Content.Tests.Epub;

public sealed class EpubPackageTests
{
    private static readonly Leaflet Rich = TestDocuments.Leaflet();

    [Fact]
    public void The_mimetype_entry_comes_first_stored_without_compression_or_extra_field()
    {
        var bytes = EpubFiles.Of(Rich, Rich.Plain).Bytes;

        // The first local file header (OCF 3.3 §4.2.3): signature, method 0 (stored), name "mimetype", no extra field,
        // then the media type itself at offset 38, where a reader sniffs it.
        Assert.Equal(0x04034b50u, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(8, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(26)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(28)));
        Assert.Equal("mimetype", Encoding.ASCII.GetString(bytes, 30, 8));
        Assert.Equal(EpubRequest.MediaType, Encoding.ASCII.GetString(bytes, 38, EpubRequest.MediaType.Length));
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes_every_time()
    {
        Assert.Equal(EpubFiles.Of(Rich, Rich.Plain).Bytes, EpubFiles.Of(Rich, Rich.Plain).Bytes);
    }

    [Fact]
    public void The_navigation_lists_every_heading_of_the_content_in_order_with_a_working_link()
    {
        var epub = EpubFiles.Of(Rich, Rich.Plain);
        var headings = epub.Content.Descendants().Where(e => e.Name.LocalName is "h1" or "h2" or "h3" or "h4").ToList();
        var toc = epub.Navigation.Descendants(Xhtml + "nav").Single(nav => (string?)nav.Attribute(Ops + "type") == "toc");
        var links = toc.Descendants(Xhtml + "a").ToList();

        Assert.True(headings.Count >= 6, $"only {headings.Count} headings");
        Assert.Equal(headings.Select(Words), links.Select(Words));
        foreach (var (heading, link) in headings.Zip(links))
        {
            var href = (string)link.Attribute("href")!;
            Assert.Equal(heading.Attribute("id") is { } id ? "leaflet.xhtml#" + id.Value : "leaflet.xhtml", href);
        }
        // An h3 is listed inside the entry of the h2 before it.
        var fracture = links.Single(link => Words(link) == "What a fracture is");
        Assert.Equal("Why bones hurt", Words(fracture.Parent!.Parent!.Parent!.Element(Xhtml + "a")!));
    }

    [Fact]
    public void Every_picture_is_in_the_package_with_its_alternative_text_and_a_manifest_entry()
    {
        var epub = EpubFiles.Of(Rich, Rich.Plain);
        var images = epub.Content.Descendants(Xhtml + "img").ToList();
        var manifest = epub.Package.Descendants(Opf + "item").Select(item => (string)item.Attribute("href")!).ToHashSet();

        Assert.NotEmpty(images);
        foreach (var image in images)
        {
            var src = (string)image.Attribute("src")!;
            Assert.NotNull(image.Attribute("alt"));
            Assert.Contains(src, manifest);
            Assert.Equal(Rich.Images[src["images/".Length..]].Bytes, epub.Entries["EPUB/" + src]);
        }
        var spine = images.Single(image => ((string)image.Attribute("src")!).EndsWith("spine.png", StringComparison.Ordinal));
        Assert.StartsWith("A needle passing through the skin", (string)spine.Attribute("alt")!, StringComparison.Ordinal);
        // Decorative: empty alternative text, hidden from assistive technology, as on the page.
        var banner = images.Single(image => ((string)image.Attribute("src")!).EndsWith("banner.png", StringComparison.Ordinal));
        Assert.Equal("", (string)banner.Attribute("alt")!);
    }

    [Fact]
    public void Every_file_in_the_container_but_the_fixed_ones_is_in_the_manifest()
    {
        var epub = EpubFiles.Of(Rich, Rich.Plain);
        var manifest = epub.Package.Descendants(Opf + "item").Select(item => "EPUB/" + (string)item.Attribute("href")!).Order(StringComparer.Ordinal);

        Assert.Equal(["mimetype", "META-INF/container.xml", "EPUB/package.opf"], epub.Names.Take(3));
        Assert.Equal(epub.Names.Skip(3).Order(StringComparer.Ordinal), manifest);
    }

    [Fact]
    public void The_package_declares_its_accessibility_and_conformance()
    {
        var epub = EpubFiles.Of(Rich, Rich.Plain);

        Assert.Equal(["textual", "visual"], epub.Meta("schema:accessMode"));
        Assert.Equal(["textual"], epub.Meta("schema:accessModeSufficient"));
        Assert.Contains("alternativeText", epub.Meta("schema:accessibilityFeature"));
        Assert.Contains("structuralNavigation", epub.Meta("schema:accessibilityFeature"));
        Assert.Contains("tableOfContents", epub.Meta("schema:accessibilityFeature"));
        Assert.Equal(["none"], epub.Meta("schema:accessibilityHazard"));
        Assert.Contains("WCAG 2.2 Level AA", Assert.Single(epub.Meta("schema:accessibilitySummary")), StringComparison.Ordinal);
        Assert.Equal(["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"], epub.Meta("dcterms:conformsTo"));
        // Nobody has certified it, so it says nobody did.
        Assert.Empty(epub.Meta("a11y:certifiedBy"));
    }

    [Fact]
    public void The_modified_date_is_the_documents_and_not_the_time_of_rendering()
    {
        var epub = EpubFiles.Of(Rich, Rich.Plain);

        Assert.Equal(["2019-06-03T10:20:30Z"], epub.Meta("dcterms:modified"));
    }

    [Fact]
    public void The_identifier_is_stable_per_leaflet_variant_language_and_version_and_differs_otherwise()
    {
        var plain = EpubRequest.For(Rich, Rich.Plain, TestDocuments.Today, Leaflets.Content.Text.StringsLibrary.Embedded);
        var laterDay = EpubRequest.For(Rich, Rich.Plain, TestDocuments.Today.AddYears(5), Leaflets.Content.Text.StringsLibrary.Embedded);
        var easyRead = EpubRequest.For(Rich, Rich.Document(LeafletVariant.EasyRead), TestDocuments.Today, Leaflets.Content.Text.StringsLibrary.Embedded);
        var nextVersion = Rich.Plain with { Metadata = Rich.Plain.Metadata with { Version = 4 } };

        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", plain.Identifier);
        Assert.Equal(plain.Identifier, laterDay.Identifier);
        Assert.NotEqual(plain.Identifier, easyRead.Identifier);
        Assert.NotEqual(plain.Identifier, EpubRequest.For(Rich, nextVersion, TestDocuments.Today, Leaflets.Content.Text.StringsLibrary.Embedded).Identifier);
        var package = EpubFiles.Of(Rich, Rich.Plain).Package;
        var uid = (string)package.Root!.Attribute("unique-identifier")!;
        Assert.Equal(plain.Identifier, package.Descendants(Dc + "identifier").Single(id => (string?)id.Attribute("id") == uid).Value);
    }

    [Fact]
    public void Every_document_says_its_language_both_ways_and_the_package_says_it_too()
    {
        var welsh = Rich with
        {
            Translations = Rich.Translations.Add("cy", System.Collections.Immutable.ImmutableSortedDictionary<LeafletVariant, LeafletDocument>.Empty
                .Add(LeafletVariant.Plain, Rich.Plain with { Metadata = TestDocuments.Metadata("Cryfhau esgyrn poenus", "cy") })),
        };
        var epub = EpubFiles.Of(welsh, welsh.Document(LeafletVariant.Plain, "cy"));
        XNamespace xml = XNamespace.Xml;

        foreach (var document in new[] { epub.Content, epub.Navigation })
        {
            Assert.Equal("cy", (string?)document.Root!.Attribute("lang"));
            Assert.Equal("cy", (string?)document.Root!.Attribute(xml + "lang"));
        }
        Assert.Equal("cy", epub.Package.Descendants(Dc + "language").Single().Value);
        Assert.Equal("Cynnwys", epub.Navigation.Descendants(Xhtml + "h1").Single().Value);
        // In Welsh too, so it needs no language of its own.
        var summary = epub.Package.Descendants(Opf + "meta").Single(meta => (string?)meta.Attribute("property") == "schema:accessibilitySummary");
        Assert.StartsWith("Mae'r daflen hon", summary.Value, StringComparison.Ordinal);
        Assert.Null(summary.Attribute(xml + "lang"));
    }

    [Fact]
    public void The_file_name_follows_the_pdfs_pattern_without_print_options()
    {
        var welsh = Rich with
        {
            Translations = Rich.Translations.Add("cy", System.Collections.Immutable.ImmutableSortedDictionary<LeafletVariant, LeafletDocument>.Empty
                .Add(LeafletVariant.Plain, Rich.Plain with { Metadata = TestDocuments.Metadata("Cryfhau esgyrn poenus", "cy") })),
        };

        Assert.Equal($"{Rich.Id}-plain-v3.epub", EpubRequest.For(Rich, Rich.Plain, TestDocuments.Today, Leaflets.Content.Text.StringsLibrary.Embedded).FileName);
        Assert.Equal($"{Rich.Id}-plain-cy-v3.epub", EpubRequest.For(welsh, welsh.Document(LeafletVariant.Plain, "cy"), TestDocuments.Today, Leaflets.Content.Text.StringsLibrary.Embedded).FileName);
    }

    [Fact]
    public void The_review_status_shown_changes_the_version_and_the_identifier_does_not()
    {
        var current = EpubRequest.For(Rich, Rich.Plain, new DateOnly(2019, 1, 1), Leaflets.Content.Text.StringsLibrary.Embedded);
        var overdue = EpubRequest.For(Rich, Rich.Plain, TestDocuments.Today, Leaflets.Content.Text.StringsLibrary.Embedded);

        Assert.NotEqual(current.Version, overdue.Version);
        Assert.Equal(current.Identifier, overdue.Identifier);
    }

    private static string Words(XElement element) => string.Join(' ', element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
