using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.CommandLine;
using System.Net;
using System.Text.Json;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Cli;
using Leaflets.Content.Catalog;
using Leaflets.Content.Checking;
using Leaflets.Content.Loading;
using Leaflets.Content.Search;
using Leaflets.Content.Snapshot;
using Leaflets.Content.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Leaflets.Content.Tests.CatalogWaits;

namespace Leaflets.Api.Tests;

/// <summary>
/// A server over a content folder with a compiled snapshot (<c>leaflets snapshot</c>, <c>leaflets check --save-results</c>):
/// it starts from the snapshot, answers exactly what the Markdown says, reads a leaflet's files only when the leaflet is
/// asked for, and never serves a snapshot it cannot trust.
/// </summary>
public sealed class CompiledSnapshotTests
{
    /// <summary>Every kind of answer that reads the model: bodies, images, lists, search, the site, the manifest, health.</summary>
    private static readonly string[] Paths =
    [
        "/api/leaflets/bone-scan",
        "/api/leaflets/bone-scan?variant=easy-read",
        "/api/leaflets/bone-scan?lang=cy",
        "/api/leaflets/bone-scan/html",
        "/api/leaflets/bone-scan/pdf",
        "/api/leaflets/bone-scan/images/scanner.png",
        "/api/leaflets/blood-test",
        "/api/leaflets",
        "/api/leaflets?q=scan",
        "/api/manifest",
        "/",
        "/topics/imaging",
        "/leaflets/bone-scan",
        "/search?q=blood",
        "/api/health/leaflets",
    ];

    [Fact]
    public async Task A_server_started_from_a_snapshot_answers_the_same_bytes_and_etags_as_one_started_from_the_markdown()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        // The same saved results for both, so health says the same whichever the server started from.
        var checks = await ChecksOfAsync(sandbox.ContentRoot);
        await new FileCheckResultStore(sandbox.ContentRoot).WriteAsync(checks, CancellationToken.None);
        var fromMarkdown = await AnswersAsync(sandbox.ContentRoot, expectCompiled: false);
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks, CancellationToken.None);

        var fromSnapshot = await AnswersAsync(sandbox.ContentRoot, expectCompiled: true);

        Assert.All(Paths, path => Assert.Equal(fromMarkdown[path], fromSnapshot[path]));
        Assert.Contains(fromSnapshot.Values, answer => answer.Body.Length > 10_000); // the PDF, really rendered
    }

    [Fact]
    public async Task A_server_started_from_a_snapshot_reads_no_markdown_until_a_leaflet_is_asked_for_and_then_only_that_leaflets_files()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, await ChecksOfAsync(sandbox.ContentRoot), CancellationToken.None);
        var source = new ReadCountingSource(sandbox.ContentRoot);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot, services => services.AddSingleton<IContentSource>(source));
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();

        // Not a search with words: its snippets are cut from the bodies of the page's results, which it reads.
        foreach (var path in new[] { "/api/leaflets", "/api/leaflets?topic=imaging", "/api/health", "/api/manifest" })
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync(path)).StatusCode);
        }
        await catalog.WhenRefreshedAsync();
        var readBeforeALeaflet = source.FilesRead.ToList();
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/leaflets/blood-test")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/leaflets/blood-test/html")).StatusCode);

        Assert.NotNull((await catalog.GetSnapshotAsync(CancellationToken.None)).Compiled);
        Assert.Equal(0, source.AllReads);
        Assert.Empty(readBeforeALeaflet);
        Assert.Equal(["leaflets/blood-test/plain.md"], source.FilesRead);
        Assert.Equal(1, catalog.Loaded.Loads);
    }

    [Fact]
    public async Task A_json_request_reads_the_leaflets_markdown_and_no_image_and_a_pdf_request_reads_its_images()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, await ChecksOfAsync(sandbox.ContentRoot), CancellationToken.None);
        var source = new ReadCountingSource(sandbox.ContentRoot);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot, services => services.AddSingleton<IContentSource>(source));
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();
        await catalog.WhenRefreshedAsync();

        foreach (var path in new[] { "/api/leaflets/bone-scan", "/api/leaflets/bone-scan/html", "/leaflets/bone-scan" })
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync(path)).StatusCode);
        }
        var readForText = source.FilesRead.ToList();
        var pdf = await server.Client.GetAsync("/api/leaflets/bone-scan/pdf");

        Assert.NotNull((await catalog.GetSnapshotAsync(CancellationToken.None)).Compiled);
        Assert.Contains("leaflets/bone-scan/plain.md", readForText);
        Assert.DoesNotContain(readForText, path => path.Contains("/images/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Contains("leaflets/bone-scan/images/scanner.png", source.FilesRead.Skip(readForText.Count));
        Assert.Equal(2, catalog.Loaded.Loads); // the text once for three routes, then the leaflet in full for the PDF
    }

    [Fact]
    public async Task An_image_the_leaflet_does_not_hold_is_a_404_and_one_of_a_refused_type_a_406_without_reading_a_file_and_a_held_one_is_served_as_ever()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var fromMarkdown = await ImageAnswerAsync(sandbox.ContentRoot, expectCompiled: false);
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, await ChecksOfAsync(sandbox.ContentRoot), CancellationToken.None);
        var source = new ReadCountingSource(sandbox.ContentRoot);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot, services => services.AddSingleton<IContentSource>(source));
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();
        await catalog.WhenRefreshedAsync();

        using var madeUp = await server.Client.GetAsync("/api/leaflets/bone-scan/images/made-up.png");
        using var refusing = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets/bone-scan/images/scanner.png");
        refusing.Headers.Accept.ParseAdd("image/jpeg");
        using var refused = await server.Client.SendAsync(refusing);
        var readBeforeAHeldImage = source.FilesRead.ToList();
        var loadsBeforeAHeldImage = catalog.Loaded.Loads;
        using var held = await server.Client.GetAsync("/api/leaflets/bone-scan/images/scanner.png");

        Assert.NotNull((await catalog.GetSnapshotAsync(CancellationToken.None)).Compiled);
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
        Assert.Empty(readBeforeAHeldImage);
        Assert.Equal(0, loadsBeforeAHeldImage);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Contains("leaflets/bone-scan/images/scanner.png", source.FilesRead);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(sandbox.ContentRoot, "leaflets", "bone-scan", "images", "scanner.png")),
            await held.Content.ReadAsByteArrayAsync());
        Assert.Equal(fromMarkdown, (held.Headers.ETag?.Tag, held.Content.Headers.LastModified));
    }

    /// <summary>The ETag and Last-Modified of bone-scan's scanner.png from a server over <paramref name="root"/>.</summary>
    private static async Task<(string? ETag, DateTimeOffset? LastModified)> ImageAnswerAsync(string root, bool expectCompiled)
    {
        await using var server = await RunningServer.StartAsync(root);
        using var image = await server.Client.GetAsync("/api/leaflets/bone-scan/images/scanner.png");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(expectCompiled, (await server.Services.GetRequiredService<LeafletCatalog>().GetSnapshotAsync(CancellationToken.None)).Compiled is not null);
        return (image.Headers.ETag?.Tag, image.Content.Headers.LastModified);
    }

    [Fact]
    public async Task A_leaflet_found_by_a_text_route_is_read_only_when_its_body_is_rendered_and_then_as_the_same_document()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, await ChecksOfAsync(sandbox.ContentRoot), CancellationToken.None);
        var source = new ReadCountingSource(sandbox.ContentRoot);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot, services => services.AddSingleton<IContentSource>(source));
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();
        await catalog.WhenRefreshedAsync();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?lang=cy");

        var found = await Functions.Leaflets.LeafletLookup.FindAsync(catalog, context.Request, "bone-scan", CancellationToken.None);
        var readToFind = source.FilesRead.ToList();
        var withBodies = await found.WithBodiesAsync(drawsImages: false, CancellationToken.None);

        Assert.True(found.Found);
        Assert.False(found.Leaflet.AreBodiesLoaded);
        Assert.Empty(readToFind);
        Assert.True(withBodies.Found);
        Assert.True(withBodies.Leaflet.AreBodiesLoaded);
        Assert.Equal(found.Document.SourcePath, withBodies.Document.SourcePath);
        Assert.Equal(found.Document.ContentHash, withBodies.Document.ContentHash);
        Assert.Equal(found.Document.DateModified, withBodies.Document.DateModified);
        Assert.False(withBodies.Document.Blocks.IsEmpty);
        Assert.DoesNotContain(source.FilesRead, path => path.Contains("/images/", StringComparison.Ordinal));
        Assert.Contains("leaflets/bone-scan/plain.cy.md", source.FilesRead);
        Assert.Equal("cy", withBodies.Document.Metadata.Language);
    }

    [Fact]
    public async Task A_leaflets_bodies_loaded_without_images_keep_its_recorded_hashes_and_never_render_an_image_as_empty()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var (_, compiled) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        var recorded = compiled.ForRoot(sandbox.ContentRoot).Leaflets["bone-scan"];
        var loaded = new LoadedLeaflets(new FileContentSource(sandbox.ContentRoot), 1024 * 1024);

        var bodies = await loaded.LoadBodiesAsync(recorded, Content.Text.StringsLibrary.Embedded, CancellationToken.None);
        var full = await new LoadedLeaflets(new FileContentSource(sandbox.ContentRoot), 1024 * 1024)
            .LoadAsync(recorded, Content.Text.StringsLibrary.Embedded, CancellationToken.None);

        Assert.True(bodies.AreBodiesLoaded);
        Assert.False(bodies.IsLoadedInFull);
        Assert.Equal(full.Plain.Blocks.Length, bodies.Plain.Blocks.Length);
        Assert.Equal(full.AllDocuments.Select(document => document.ContentHash), bodies.AllDocuments.Select(document => document.ContentHash));
        Assert.Equal(recorded.Shell.AllDocuments.Select(document => document.ContentHash), bodies.AllDocuments.Select(document => document.ContentHash));
        Assert.Throws<Content.Model.BodyNotLoadedException>(() => bodies.Images["scanner.png"].Bytes);
    }

    [Theory]
    [InlineData("leaflets/bone-scan/images/scanner.png", true)]
    [InlineData("leaflets/bone-scan/plain.md", false)]
    public async Task A_file_changed_since_the_snapshot_is_refused_by_every_load_that_reads_it(string changedFile, bool onlyTheFullLoadReadsIt)
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var (_, compiled) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        var recorded = compiled.ForRoot(sandbox.ContentRoot).Leaflets["bone-scan"];
        var file = Path.Combine(sandbox.ContentRoot, changedFile);
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^1] ^= 0x01; // the same length, another SHA-256
        await File.WriteAllBytesAsync(file, bytes);
        var strings = Content.Text.StringsLibrary.Embedded;

        var full = await Assert.ThrowsAsync<LeafletChangedException>(
            async () => await new LoadedLeaflets(new FileContentSource(sandbox.ContentRoot), 1024 * 1024).LoadAsync(recorded, strings, CancellationToken.None));
        var bodies = new LoadedLeaflets(new FileContentSource(sandbox.ContentRoot), 1024 * 1024);

        Assert.Contains("bone-scan", full.Message, StringComparison.Ordinal);
        if (onlyTheFullLoadReadsIt)
        {
            Assert.True((await bodies.LoadBodiesAsync(recorded, strings, CancellationToken.None)).AreBodiesLoaded);
        }
        else
        {
            var refused = await Assert.ThrowsAsync<LeafletChangedException>(async () => await bodies.LoadBodiesAsync(recorded, strings, CancellationToken.None));
            Assert.Contains("plain.md", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Leaflets_loaded_in_full_are_kept_within_the_bound_and_read_again_once_dropped()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var (_, compiled) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        var recorded = compiled.ForRoot(sandbox.ContentRoot);
        var strings = Content.Text.StringsLibrary.Embedded;
        var unbounded = new LoadedLeaflets(new FileContentSource(sandbox.ContentRoot), long.MaxValue);
        var boneScanHeld = Content.Model.HeldBytes.Of(await unbounded.LoadAsync(recorded.Leaflets["bone-scan"], strings, CancellationToken.None));
        var bloodTestHeld = Content.Model.HeldBytes.Of(await unbounded.LoadAsync(recorded.Leaflets["blood-test"], strings, CancellationToken.None));
        var bound = Math.Max(boneScanHeld, bloodTestHeld) + 1;
        var loaded = new LoadedLeaflets(new FileContentSource(sandbox.ContentRoot), bound);

        var boneScan = await loaded.LoadAsync(recorded.Leaflets["bone-scan"], strings, CancellationToken.None);
        await loaded.LoadAsync(recorded.Leaflets["bone-scan"], strings, CancellationToken.None);
        await loaded.LoadAsync(recorded.Leaflets["blood-test"], strings, CancellationToken.None);
        var keptWithBoth = loaded.KeptBytes;
        await loaded.LoadAsync(recorded.Leaflets["bone-scan"], strings, CancellationToken.None);

        Assert.True(boneScan.IsLoadedInFull);
        Assert.False(boneScan.Plain.Blocks.IsEmpty);
        Assert.True(keptWithBoth <= bound, $"{keptWithBoth} bytes kept, over the bound of {bound}");
        Assert.Equal(3, loaded.Loads); // bone-scan once, blood-test once, bone-scan again after blood-test pushed it out
    }

    [Fact]
    public async Task A_loaded_leaflet_counts_against_the_bound_the_memory_it_holds_not_the_bytes_read()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var (_, compiled) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        var recorded = compiled.ForRoot(sandbox.ContentRoot).Leaflets["bone-scan"];
        var markdownBytes = recorded.Files.Where(name => name.EndsWith(".md", StringComparison.Ordinal)).Sum(name => new FileInfo(Path.Combine(sandbox.ContentRoot, recorded.PathOf(name))).Length);
        var loaded = new LoadedLeaflets(new FileContentSource(sandbox.ContentRoot), long.MaxValue);

        var bodies = await loaded.LoadBodiesAsync(recorded, Content.Text.StringsLibrary.Embedded, CancellationToken.None);
        var text = bodies.AllDocuments.SelectMany(document => Texts(document.Blocks)).Sum(inline => (long)inline.Text.Length);

        Assert.Equal(Content.Model.HeldBytes.Of(bodies), loaded.KeptBytes);
        // UTF-16 text in a tree of objects: more than the UTF-8 Markdown it was parsed from, and than its characters' bytes.
        Assert.True(loaded.KeptBytes > markdownBytes, $"{loaded.KeptBytes} bytes counted for {markdownBytes} bytes of Markdown");
        Assert.True(loaded.KeptBytes > 2 * text, $"{loaded.KeptBytes} bytes counted for {text} characters of text");
    }

    private static IEnumerable<Content.Model.TextInline> Texts(IEnumerable<Content.Model.Block> blocks) => blocks.SelectMany(block => block switch
    {
        Content.Model.HeadingBlock heading => Texts(heading.Inlines),
        Content.Model.ParagraphBlock paragraph => Texts(paragraph.Inlines),
        Content.Model.ListBlock list => list.Items.SelectMany(item => Texts(item.Blocks)),
        Content.Model.CalloutBlock callout => Texts(callout.Blocks),
        Content.Model.PictureRowBlock row => Texts(row.Blocks),
        Content.Model.TableBlock table => table.Header.Concat(table.Rows.SelectMany(cells => cells)).SelectMany(cell => Texts(cell.Inlines)),
        _ => [],
    });

    private static IEnumerable<Content.Model.TextInline> Texts(IEnumerable<Content.Model.Inline> inlines) => inlines.SelectMany(inline => inline switch
    {
        Content.Model.TextInline text => [text],
        Content.Model.StrongInline strong => Texts(strong.Children),
        Content.Model.LinkInline link => Texts(link.Children),
        _ => [],
    });

    [Fact]
    public async Task Equal_metadata_read_from_a_snapshot_is_one_string_shared_by_every_leaflet()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var (_, written) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);

        var read = ContentSnapshot.FromBytes(written.ToBytes(), out var reason) ?? throw new InvalidOperationException(reason);
        var boneScan = read.Leaflets["bone-scan"].Shell.Plain.Metadata;
        var bloodTest = read.Leaflets["blood-test"].Shell.Plain.Metadata;

        Assert.Equal("en-GB", boneScan.Language);
        Assert.Same(boneScan.Language, bloodTest.Language);
        Assert.Equal("SNOMED-CT", boneScan.Codes[0].System);
        Assert.Same(boneScan.Codes[0].System, bloodTest.Codes[0].System);
    }

    [Fact]
    public async Task A_snapshot_names_a_leaflets_files_within_its_folder_once_for_every_leaflet_and_records_their_sha256_as_read()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var (_, written) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);

        var read = ContentSnapshot.FromBytes(written.ToBytes(), out var reason) ?? throw new InvalidOperationException(reason);
        var boneScan = read.Leaflets["bone-scan"];
        var bloodTest = read.Leaflets["blood-test"];
        var plain = await File.ReadAllBytesAsync(Path.Combine(sandbox.ContentRoot, "leaflets", "bone-scan", "plain.md"));
        var scanner = await File.ReadAllBytesAsync(Path.Combine(sandbox.ContentRoot, "leaflets", "bone-scan", "images", "scanner.png"));

        Assert.Contains("plain.md", boneScan.Files);
        Assert.Contains("images/scanner.png", boneScan.Files);
        Assert.Equal("leaflets/bone-scan/images/scanner.png", boneScan.PathOf("images/scanner.png"));
        Assert.Same(boneScan.Files.Single(name => name == "plain.md"), bloodTest.Files.Single(name => name == "plain.md"));
        Assert.Equal(Sha256Digest.Of(plain), boneScan.MarkdownHashes["plain.md"]);
        var recordedScanner = Assert.NotNull(boneScan.FindImage("scanner.png"));
        Assert.Equal((scanner.Length, Sha256Digest.Of(scanner)), (recordedScanner.Length, recordedScanner.Sha256));
        Assert.Null(boneScan.FindImage("scanner.svg")); // an SVG source is never an image served
        Assert.Equal(written.Leaflets["bone-scan"].Files.ToArray(), boneScan.Files.ToArray());
    }

    [Fact]
    public async Task A_snapshot_leaflet_has_no_body_to_render_until_loaded_in_full()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var (_, compiled) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        var shell = compiled.Leaflets["bone-scan"].Shell;

        var body = Assert.Throws<Content.Model.BodyNotLoadedException>(() => shell.Plain.Blocks);
        var image = Assert.Throws<Content.Model.BodyNotLoadedException>(() => shell.Images);

        Assert.Contains("bone-scan", body.Message, StringComparison.Ordinal);
        Assert.Contains("bone-scan", image.Message, StringComparison.Ordinal);
        Assert.False(shell.IsLoadedInFull);
    }

    [Fact]
    public async Task A_snapshot_leaflets_images_resolve_from_its_records_when_loaded_with_their_sizes_and_dates_and_in_full_with_their_bytes()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var (_, written) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        var recorded = (ContentSnapshot.FromBytes(written.ToBytes(), out var reason) ?? throw new InvalidOperationException(reason))
            .ForRoot(sandbox.ContentRoot).Leaflets["bone-scan"];
        var source = new FileContentSource(sandbox.ContentRoot);
        var fromMarkdown = LeafletLoader.Load(source.DisplayRoot, await source.ReadAllAsync(CancellationToken.None)).Leaflets["bone-scan"];

        var bodies = await new LoadedLeaflets(new FileContentSource(sandbox.ContentRoot), 1024 * 1024)
            .LoadBodiesAsync(recorded, Content.Text.StringsLibrary.Embedded, CancellationToken.None);
        var full = await new LoadedLeaflets(new FileContentSource(sandbox.ContentRoot), 1024 * 1024)
            .LoadAsync(recorded, Content.Text.StringsLibrary.Embedded, CancellationToken.None);

        Assert.False(recorded.Shell.AreImagesHeld);
        Assert.NotEmpty(fromMarkdown.Images);
        Assert.Equal(fromMarkdown.Images.Keys, recorded.Images.Select(image => image.FileName));
        Assert.Equal(fromMarkdown.Images.Values.Select(image => (image.FileName, image.ContentType, image.PixelWidth, image.PixelHeight, image.LastModified)),
            bodies.Images.Values.Select(image => (image.FileName, image.ContentType, image.PixelWidth, image.PixelHeight, image.LastModified)));
        Assert.All(bodies.Images.Values, image => Assert.False(image.IsLoaded));
        Assert.Equal(fromMarkdown.Images.Values.Select(image => (image.FileName, image.LastModified, image.Bytes.ToArray())),
            full.Images.Values.Select(image => (image.FileName, image.LastModified, image.Bytes.ToArray())));
    }

    [Fact]
    public async Task A_server_started_from_a_snapshot_answers_an_image_the_leaflet_lacks_with_404_and_a_refused_type_with_406()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, await ChecksOfAsync(sandbox.ContentRoot), CancellationToken.None);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();
        await catalog.WhenRefreshedAsync();
        using var refusingPng = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets/bone-scan/images/scanner.png");
        refusingPng.Headers.Add("Accept", "image/jpeg");

        var missing = await ApiJson.AssertProblemAsync(await server.Client.GetAsync("/api/leaflets/bone-scan/images/missing.png"), HttpStatusCode.NotFound);
        await ApiJson.AssertProblemAsync(await server.Client.GetAsync("/api/leaflets/bone-scan/images/scanner.svg"), HttpStatusCode.NotFound);
        await ApiJson.AssertProblemAsync(await server.Client.SendAsync(refusingPng), HttpStatusCode.NotAcceptable);

        Assert.NotNull((await catalog.GetSnapshotAsync(CancellationToken.None)).Compiled);
        Assert.Equal("Leaflet 'bone-scan' has no image 'missing.png'.", (string)missing["detail"]!);
    }

    [Theory]
    [InlineData("an older format version")]
    [InlineData("a version 2 file beside it and none of this version")]
    [InlineData("a flipped byte in the head section")]
    [InlineData("a section table that does not tile the file")]
    [InlineData("a stale fingerprint")]
    [InlineData("a cut-short file")]
    public async Task A_snapshot_that_cannot_be_trusted_is_not_served_and_the_markdown_is(string fault)
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var (path, _) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(path);
        var plain = Path.Combine(sandbox.ContentRoot, "leaflets", "blood-test", "plain.md");
        switch (fault)
        {
            case "an older format version":
                BitConverter.GetBytes(SnapshotFormat.Version - 1).CopyTo(bytes, 8);
                break;
            case "a version 2 file beside it and none of this version":
                BitConverter.GetBytes(2).CopyTo(bytes, 8);
                File.Delete(path);
                path = Path.Combine(Path.GetDirectoryName(path)!, "v2.bin");
                break;
            case "a flipped byte in the head section":
                bytes[(int)SectionOf(bytes, 0).Offset + 40] ^= 0x20;
                break;
            case "a section table that does not tile the file":
                BitConverter.GetBytes(SectionOf(bytes, 2).Length - 1).CopyTo(bytes, IndexRow + sizeof(long));
                break;
            case "a cut-short file":
                bytes = bytes[..(bytes.Length - 100)];
                break;
            case "a stale fingerprint":
                var text = await File.ReadAllTextAsync(plain);
                await File.WriteAllTextAsync(plain, text.Replace("title: Giving a blood sample", "title: Changed giving a blood sample", StringComparison.Ordinal));
                break;
        }
        await File.WriteAllBytesAsync(path, bytes);
        var markdown = LeafletLoader.Load(sandbox.ContentRoot, await new FileContentSource(sandbox.ContentRoot).ReadAllAsync(CancellationToken.None));
        using var catalog = new LeafletCatalog(new FileContentSource(sandbox.ContentRoot), TimeProvider.System, NullLogger<LeafletCatalog>.Instance);

        var first = await catalog.GetSnapshotAsync(CancellationToken.None);
        await catalog.WhenRefreshedAsync();
        var served = await catalog.GetSnapshotAsync(CancellationToken.None);

        Assert.Equal(fault == "a stale fingerprint", first.Compiled is not null); // only the fingerprint needs the listing, checked just after
        Assert.Null(served.Compiled);
        Assert.Equal(markdown.Leaflets["blood-test"].Plain.Metadata.Title, served.Content.Leaflets["blood-test"].Plain.Metadata.Title);
        Assert.Equal(markdown.Leaflets["blood-test"].Plain.ContentHash, served.Content.Leaflets["blood-test"].Plain.ContentHash);
        Assert.Equal(markdown.Problems.Select(problem => problem.ToString()), served.Content.Problems.Select(problem => problem.ToString()));
    }

    [Theory]
    [InlineData("a chunk shorter than its leaflets", "do not end where their section does")]
    [InlineData("a chunk table for more leaflets than it has", "not chunks of")]
    [InlineData("a leaflet count for more than the chunks hold", "not chunks of")]
    public async Task A_head_whose_directory_of_leaflet_chunks_does_not_match_its_count_is_refused_with_the_reason_even_with_a_good_checksum(string fault, string reason)
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var (path, written) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(path);
        var head = SectionOf(bytes, 0);
        var chunks = SectionOf(bytes, 1);
        // The fixture's few leaflets are one chunk: [leaflet count][1][its length][its SHA-256][its ids], to the head's end.
        var table = Enumerable.Range((int)head.Offset + 8, (int)head.Length - 12)
            .Single(at => BitConverter.ToInt32(bytes, at) == chunks.Length && BitConverter.ToInt32(bytes, at - 4) == 1
                && BitConverter.ToInt32(bytes, at - 8) == written.Leaflets.Count);
        switch (fault)
        {
            case "a chunk shorter than its leaflets":
                BitConverter.GetBytes(BitConverter.ToInt32(bytes, table) - 1).CopyTo(bytes, table);
                break;
            case "a chunk table for more leaflets than it has":
                BitConverter.GetBytes(2).CopyTo(bytes, table - 4);
                break;
            case "a leaflet count for more than the chunks hold":
                BitConverter.GetBytes(257).CopyTo(bytes, table - 8);
                break;
        }
        System.Security.Cryptography.SHA256.HashData(bytes.AsSpan((int)head.Offset, (int)head.Length)).CopyTo(bytes, 16 + 16);

        var read = ContentSnapshot.FromBytes(bytes, out var why);

        Assert.Null(read);
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_search_index_section_is_never_searched_and_the_catalog_loads_the_markdown_instead()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        using var indexes = new TemporaryFolder();
        var (path, _) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(path);
        var index = SectionOf(bytes, 2);
        bytes[(int)(index.Offset + (index.Length / 2))] ^= 0x20;
        await File.WriteAllBytesAsync(path, bytes);
        using var catalog = new LeafletCatalog(new FileContentSource(sandbox.ContentRoot), TimeProvider.System, NullLogger<LeafletCatalog>.Instance,
            Microsoft.Extensions.Options.Options.Create(new ContentOptions { SearchIndexFolder = indexes.Path }));

        var first = await catalog.GetSnapshotAsync(CancellationToken.None);
        var refused = await Assert.ThrowsAsync<ContentNotLoadedException>(() => first.SearchAsync(LeafletQuery.Default, CancellationToken.None).AsTask());
        var served = await WhenServedAsync(catalog, snapshot => snapshot.Compiled is null);

        Assert.NotNull(first.Compiled); // its metadata is sound: served at once
        Assert.Contains("checksum", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(indexes.Path)); // nothing of the damaged section left to be opened
        Assert.NotNull(await served.SearchAsync(LeafletQuery.Default, CancellationToken.None)); // built from the Markdown (search answers are compared with a Markdown start elsewhere)
    }

    [Fact]
    public async Task The_search_index_is_written_to_a_folder_named_by_its_checksum_with_its_stored_fields_in_files_of_their_own_and_opened_from_disk_and_a_stale_one_is_removed()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        using var indexes = new TemporaryFolder();
        var stale = Directory.CreateDirectory(Path.Combine(indexes.Path, "0123abcd"));
        stale.LastWriteTimeUtc = DateTime.UtcNow.AddHours(-1);
        var fresh = Directory.CreateDirectory(Path.Combine(indexes.Path, "4567cdef.tmp")); // another instance writing now
        var (path, _) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        var sha256 = SectionOf(await File.ReadAllBytesAsync(path), 2).Sha256;
        using var catalog = new LeafletCatalog(new FileContentSource(sandbox.ContentRoot), TimeProvider.System, NullLogger<LeafletCatalog>.Instance,
            Microsoft.Extensions.Options.Options.Create(new ContentOptions { SearchIndexFolder = indexes.Path }));

        var served = await catalog.GetSnapshotAsync(CancellationToken.None);
        var search = await served.SearchAsync(LeafletQuery.Default, CancellationToken.None);

        Assert.NotNull(served.Compiled);
        Assert.NotNull(search); // its answers are those of a Markdown start: A_server_started_from_a_snapshot_answers_the_same_bytes...
        Assert.Equal(new[] { sha256, "4567cdef.tmp" }.Order(StringComparer.Ordinal), Directory.GetDirectories(indexes.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains(Directory.GetFiles(Path.Combine(indexes.Path, sha256)), file => Path.GetFileName(file).StartsWith("segments", StringComparison.Ordinal));
        // The stored texts in files of their own, which SearchIndexFiles reads through a buffer: the path every body
        // snippet of a snapshot's search takes, here and in CompiledSnapshotSearchTests. (Write's merge into one segment
        // leaves no compound file, which would have held them, mapped: Lucene packs only segments under a tenth of the index.)
        Assert.Contains(Directory.GetFiles(Path.Combine(indexes.Path, sha256)), file => Path.GetExtension(file) == ".fdt");
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(indexes.Path, sha256)), file => Path.GetExtension(file) == ".cfs");
        Assert.False(stale.Exists);
    }

    [Fact]
    public async Task A_snapshot_moved_into_place_after_the_metadata_was_read_is_not_mixed_into_the_index_read_after()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        using var indexes = new TemporaryFolder();
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        var source = new FileContentSource(sandbox.ContentRoot);
        var file = (await source.OpenSnapshotAsync(CancellationToken.None))!;
        var (first, _) = await ContentSnapshot.ReadAsync(file, CancellationToken.None);

        Directory.Delete(Path.Combine(sandbox.ContentRoot, "leaflets", "blood-test"), recursive: true);
        var (_, second) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        var shells = first!.Leaflets.Values.Select(leaflet => leaflet.Shell).ToList();
        using var index = new SearchIndexFiles(file, first.IndexSection!, indexes.Path).Open(shells);

        Assert.Equal(["blood-test", "bone-scan"], shells.Select(leaflet => leaflet.Id));
        Assert.DoesNotContain("blood-test", second.Leaflets.Keys); // an index of this one would be refused as another snapshot's
    }

    [Fact]
    public async Task A_leaflet_whose_files_changed_since_the_snapshot_is_never_served_as_the_snapshot_recorded_it()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        using var catalog = new LeafletCatalog(new FileContentSource(sandbox.ContentRoot), TimeProvider.System, NullLogger<LeafletCatalog>.Instance);
        var compiled = await catalog.GetSnapshotAsync(CancellationToken.None);
        await catalog.WhenRefreshedAsync();
        var plain = Path.Combine(sandbox.ContentRoot, "leaflets", "blood-test", "plain.md");
        await File.WriteAllTextAsync(plain, (await File.ReadAllTextAsync(plain)).Replace("title: Giving a blood sample", "title: Changed giving a blood sample", StringComparison.Ordinal));

        var changed = await Assert.ThrowsAsync<ContentNotLoadedException>(
            async () => await compiled.LoadInFullAsync(compiled.Content.Leaflets["blood-test"], CancellationToken.None));
        await catalog.WhenRefreshedAsync();
        var reloaded = await catalog.GetSnapshotAsync(CancellationToken.None);

        Assert.Contains("blood-test", changed.Message, StringComparison.Ordinal);
        Assert.Null(reloaded.Compiled);
        Assert.Equal("Changed giving a blood sample", reloaded.Content.Leaflets["blood-test"].Plain.Metadata.Title);
    }

    [Fact]
    public async Task The_snapshot_command_writes_the_snapshot_with_the_saved_check_results_and_check_save_results_writes_it_too()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        var snapshotPath = FileContentSource.SnapshotPath(sandbox.ContentRoot);

        var (snapshotExit, snapshotError) = await RunAsync("snapshot", "--content", sandbox.ContentRoot);
        var withoutChecks = ContentSnapshot.FromBytes(await File.ReadAllBytesAsync(snapshotPath), out _)!;
        var (checkExit, _) = await RunAsync("check", "--content", sandbox.ContentRoot, "--save-results");
        var afterCheck = ContentSnapshot.FromBytes(await File.ReadAllBytesAsync(snapshotPath), out var reason);

        Assert.Equal(0, snapshotExit);
        Assert.Contains(snapshotPath, snapshotError, StringComparison.Ordinal);
        Assert.Null(withoutChecks.Checks);
        Assert.Equal(["blood-test", "bone-scan"], withoutChecks.Leaflets.Keys);
        Assert.Equal(1, checkExit); // the fixture's broken leaflet fails the gate; its results and the snapshot are saved all the same
        Assert.Null(reason);
        Assert.NotNull(afterCheck!.Checks);
        Assert.Equal(withoutChecks.Fingerprint, afterCheck.Fingerprint);
        Assert.All(afterCheck.Leaflets.Values, leaflet => Assert.NotNull(afterCheck.Checks!.For(leaflet.Shell)));
    }

    [Fact]
    public async Task A_server_started_from_a_snapshot_without_results_renders_nothing_in_the_background_and_health_says_unchecked()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);

        var checks = await WhenCheckedAsync(server);
        using var health = JsonDocument.Parse(await server.Client.GetStringAsync("/api/health"));
        using var page = JsonDocument.Parse(await server.Client.GetStringAsync("/api/health/leaflets"));

        Assert.Equal(0, checks.Checked);
        var totals = health.RootElement.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("unchecked").GetInt32());
        Assert.Equal(0, totals.GetProperty("pending").GetInt32() + totals.GetProperty("passed").GetInt32() + totals.GetProperty("failed").GetInt32());
        Assert.All(page.RootElement.GetProperty("items").EnumerateArray(), item =>
        {
            var check = item.GetProperty("check");
            Assert.Equal("unchecked", check.GetProperty("status").GetString());
            Assert.Contains("leaflets check --save-results", check.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains("leaflets publish", check.GetProperty("message").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_server_started_from_a_snapshot_with_the_gates_results_shows_them_and_renders_nothing()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, await ChecksOfAsync(sandbox.ContentRoot), CancellationToken.None);
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);

        var checks = await WhenCheckedAsync(server);
        using var health = JsonDocument.Parse(await server.Client.GetStringAsync("/api/health"));
        using var page = JsonDocument.Parse(await server.Client.GetStringAsync("/api/health/leaflets"));

        Assert.Equal(0, checks.Checked);
        Assert.Equal(2, health.RootElement.GetProperty("totals").GetProperty("passed").GetInt32());
        Assert.Equal(0, health.RootElement.GetProperty("totals").GetProperty("unchecked").GetInt32());
        Assert.All(page.RootElement.GetProperty("items").EnumerateArray(), item =>
        {
            Assert.Equal("passed", item.GetProperty("check").GetProperty("status").GetString());
            Assert.False(item.GetProperty("check").TryGetProperty("message", out _));
        });
    }

    [Fact]
    public async Task A_leaflet_changed_after_the_snapshot_is_checked_in_the_background_and_the_unchanged_one_is_not()
    {
        using var sandbox = TestPaths.CopyFixtureContent();
        await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        var plain = Path.Combine(sandbox.ContentRoot, "leaflets", "blood-test", "plain.md");
        await File.WriteAllTextAsync(plain, (await File.ReadAllTextAsync(plain)).Replace("title: Giving a blood sample", "title: Changed giving a blood sample", StringComparison.Ordinal));
        await using var server = await RunningServer.StartAsync(sandbox.ContentRoot);
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();
        // The listing is compared with the snapshot once a first answer has gone (FirstAnswer), as after any start.
        using (await server.Client.GetAsync("/api/health"))
        {
        }
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while ((await catalog.GetSnapshotAsync(CancellationToken.None)).Compiled is not null)
        {
            await Task.Delay(20, bound.Token);
        }

        var checks = await WhenCheckedAsync(server);
        var reloaded = await catalog.GetSnapshotAsync(CancellationToken.None);
        var results = checks.ResultsFor(reloaded);

        Assert.Null(reloaded.Compiled); // loaded from the Markdown, the listing having changed
        Assert.Equal(1, checks.Checked);
        Assert.Contains(results["blood-test"].Status, new[] { LeafletCheckStatus.Passed, LeafletCheckStatus.Failed });
        Assert.Equal(LeafletCheckStatus.Unchecked, results["bone-scan"].Status);
    }

    [Fact]
    public async Task The_same_content_writes_the_same_snapshot_bytes_but_for_the_search_index()
    {
        using var sandbox = TestPaths.CopyFixtureContent();

        var (_, first) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);
        var (_, second) = await FolderSnapshot.WriteAsync(sandbox.ContentRoot, checks: null, CancellationToken.None);

        // Lucene stamps each segment it writes with the time (its diagnostics), so only the index's file names repeat.
        Assert.Equal((first with { SearchIndex = [] }).ToBytes(), (second with { SearchIndex = [] }).ToBytes());
        Assert.Equal(first.SearchIndex.Select(file => file.Name), second.SearchIndex.Select(file => file.Name));
    }

    private static async Task<Dictionary<string, Answer>> AnswersAsync(string contentRoot, bool expectCompiled)
    {
        // One public root for both servers, so links do not name each one's own port.
        await using var server = await RunningServer.StartAsync(contentRoot,
            services => services.Configure<Content.Rendering.SiteOptions>(site => site.PublicBaseUrl = "https://leaflets.example.org"));
        var catalog = server.Services.GetRequiredService<LeafletCatalog>();
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var path in Paths)
        {
            var response = await server.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            answers[path] = new Answer(response.Headers.ETag?.Tag, Convert.ToBase64String(await response.Content.ReadAsByteArrayAsync()));
        }
        Assert.Equal(expectCompiled, (await catalog.GetSnapshotAsync(CancellationToken.None)).Compiled is not null);
        return answers;
    }

    /// <summary>The checks once the run for the snapshot being served has ended.</summary>
    private static async Task<LeafletCheckResults> WhenCheckedAsync(RunningServer server)
    {
        var snapshot = await server.Services.GetRequiredService<LeafletCatalog>().GetSnapshotAsync(CancellationToken.None);
        var checks = server.Services.GetRequiredService<LeafletCheckResults>();
        await checks.StartChecks(snapshot).WaitAsync(TimeSpan.FromMinutes(2));
        return checks;
    }

    /// <summary>A passing result for every leaflet, as the gate would save them: so no server here renders in the background.</summary>
    private static async Task<CheckResultSet> ChecksOfAsync(string contentRoot)
    {
        var content = LeafletLoader.Load(contentRoot, await new FileContentSource(contentRoot).ReadAllAsync(CancellationToken.None));
        return CheckResultSet.Empty with
        {
            Results = content.Leaflets.Values.ToImmutableSortedDictionary(
                CheckResultSet.KeyOf, leaflet => LeafletCheckResult.Of(leaflet.Id, [], TestTime.Now), StringComparer.Ordinal),
        };
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(params string[] args)
    {
        var error = new StringWriter();
        var exitCode = await LeafletsCommandLine.RunAsync(LeafletsCommandLine.Create(), args,
            new InvocationConfiguration { Output = new StringWriter(), Error = error });
        return (exitCode, error.ToString());
    }

    private sealed record Answer(string? ETag, string Body);

    /// <summary>The row of the section table naming the search index section (the third, after the head and the leaflets' chunks).</summary>
    private const int IndexRow = 16 + (2 * 48);

    /// <summary>Section <paramref name="number"/> of a snapshot file, as its header's table lists it.</summary>
    private static SnapshotSection SectionOf(byte[] snapshot, int number)
    {
        var row = 16 + (number * 48);
        return new SnapshotSection(BitConverter.ToInt64(snapshot, row), BitConverter.ToInt64(snapshot, row + 8), Convert.ToHexStringLower(snapshot.AsSpan(row + 16, 32)));
    }


    /// <summary>The folder source, recording every file read one by one and every read of the whole tree.</summary>
    private sealed class ReadCountingSource(string root) : IContentSource
    {
        private readonly FileContentSource _inner = new(root);
        private readonly ConcurrentQueue<string> _files = new();
        private int _allReads;

        public int AllReads => Volatile.Read(ref _allReads);

        public IReadOnlyList<string> FilesRead => [.. _files];

        public string DisplayRoot => _inner.DisplayRoot;

        public Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _allReads);
            return _inner.ReadAllAsync(cancellationToken);
        }

        public IAsyncEnumerable<ContentListing> ListAsync(CancellationToken cancellationToken) => _inner.ListAsync(cancellationToken);

        public Task<ContentFile?> ReadFileAsync(string path, CancellationToken cancellationToken)
        {
            _files.Enqueue(path);
            return _inner.ReadFileAsync(path, cancellationToken);
        }

        public Task<ISnapshotFile?> OpenSnapshotAsync(CancellationToken cancellationToken) => _inner.OpenSnapshotAsync(cancellationToken);
    }
}
