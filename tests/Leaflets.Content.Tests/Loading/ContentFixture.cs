using System.Collections.Immutable;
using System.Text;
using Leaflets.Content.Loading;

namespace Leaflets.Content.Tests.Loading;

/// <summary>An in-memory content tree for loader tests.</summary>
internal sealed class ContentFixture
{
    public const string Root = "content";

    public const string PlainFrontMatter = """
        ---
        title: Strengthening painful bones
        summary: How cement can support a weak bone.
        language: en-GB
        lastReviewed: 2024-03-01
        version: 2
        references:
          - title: Cement for bones
            publisher: Example Publisher
            year: 2020
        ---
        """;

    public const string EasyReadFrontMatter = """
        ---
        title: Making a bone stronger
        summary: A doctor puts cement in a bone.
        language: en-GB
        lastReviewed: 2024-03-01
        version: 1
        ---
        """;

    /// <summary>
    /// A Welsh plain translation's front matter (lines 1-8), synthetic like the rest of this fixture: the words are
    /// placeholders for a loader test, not a translation anyone reviewed.
    /// </summary>
    public const string WelshPlainFrontMatter = """
        ---
        title: Cryfhau esgyrn poenus
        summary: Sut y gall sment gynnal asgwrn gwan.
        language: cy
        lastReviewed: 2024-03-01
        version: 2
        translationStatus: unreviewed
        ---
        """;

    private readonly List<ContentFile> _files = [];

    public static ContentFixture WithPlain(string body, string id = "bones") => new ContentFixture().Add($"leaflets/{id}/plain.md", PlainFrontMatter + "\n" + body);

    public ContentFixture Add(string path, string text, DateTimeOffset? lastModified = null) =>
        Add(path, Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n")), lastModified);

    /// <param name="lastModified">When the source says the file last changed; unknown (the default) when not given.</param>
    public ContentFixture Add(string path, byte[] bytes, DateTimeOffset? lastModified = null)
    {
        _files.Add(new ContentFile(path, ImmutableArray.Create(bytes)) { LastModified = lastModified ?? DateTimeOffset.MinValue });
        return this;
    }

    /// <summary>A file exactly as a source hands it over, even a malformed one (default bytes).</summary>
    public ContentFixture AddAsRead(string path, ImmutableArray<byte> bytes)
    {
        _files.Add(new ContentFile(path, bytes));
        return this;
    }

    /// <summary>A file the source refused to read, as a source would hand it over.</summary>
    public ContentFixture AddRefused(string path, string rule, string message)
    {
        _files.Add(ContentFile.Refused(path, rule, message));
        return this;
    }

    public ContentLoadResult Load() => LeafletLoader.Load(Root, _files);

    /// <summary>A whole, valid PNG (8-bit grey, every pixel <paramref name="fill"/>).</summary>
    public static byte[] Png(int width, int height, byte fill = 0) => TestPng.Grey(width, height, fill);

    /// <inheritdoc cref="TestJpeg.Headers"/>
    public static byte[] Jpeg(int width, int height, byte frame = 0xC0) => TestJpeg.Headers(width, height, frame);
}
