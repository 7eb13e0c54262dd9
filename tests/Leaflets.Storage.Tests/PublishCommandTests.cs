namespace Leaflets.Storage.Tests;

/// <summary><c>leaflets publish</c> as an editor runs it: the real CLI in its own process.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishCommandTests(Azurite azurite) : IDisposable
{
    private readonly ContentFolder _content = new ContentFolder().WithLeaflet("wound-care");

    [Fact]
    public async Task Publish_uploads_the_content_and_says_what_it_did()
    {
        var container = azurite.NewContainer("cli");

        var (exit, output, _) = await LeafletsCli.RunAsync("publish", "--content", _content.Root, "--connection-string", azurite.ConnectionString, "--container", container.Name);

        Assert.Equal(0, exit);
        Assert.Contains("uploaded  leaflets/wound-care/plain.md", output, StringComparison.Ordinal);
        Assert.Contains("1 uploaded, 0 unchanged, 0 deleted", output, StringComparison.Ordinal);
        Assert.Contains("Checked 1 of 1;", output, StringComparison.Ordinal);
        Assert.True(await container.GetBlobClient("leaflets/wound-care/plain.md").ExistsAsync());

        // Unchanged content: its stored results stand, so nothing is rendered again.
        var (_, again, _) = await LeafletsCli.RunAsync("publish", "--content", _content.Root, "--connection-string", azurite.ConnectionString, "--container", container.Name);
        Assert.Contains("0 uploaded, 1 unchanged, 0 deleted", again, StringComparison.Ordinal);
        Assert.Contains("Checked 0 of 1;", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_refuses_content_that_fails_check_with_exit_code_1_and_uploads_nothing()
    {
        var container = azurite.NewContainer("clirefuse");
        _content.WithBrokenLeaflet("broken-one");

        var (exit, output, errors) = await LeafletsCli.RunAsync("publish", "--content", _content.Root, "--connection-string", azurite.ConnectionString, "--container", container.Name);

        Assert.Equal(1, exit);
        Assert.Contains("broken-one/plain.md:", output, StringComparison.Ordinal);
        Assert.Contains("Nothing published", errors, StringComparison.Ordinal);
        Assert.False(await container.ExistsAsync());
    }

    [Fact]
    public async Task Publish_refuses_the_leaflets_that_used_to_crash_it_naming_each_and_uploads_nothing()
    {
        var container = azurite.NewContainer("clicrash");
        _content.Write("html-figure", "plain.md", ContentFolder.Leaflet("A figure that is a web page", 1) + "\n![A bone](images/t.png)\n");
        _content.Write("html-figure", "images/t.png", "<html><body>Not found</body></html>");
        _content.Write("deep", "plain.md", ContentFolder.Leaflet("Deeply nested", 1) + "\n" + new string('[', 20_000) + "\n");

        var (exit, output, errors) = await LeafletsCli.RunAsync("publish", "--content", _content.Root, "--connection-string", azurite.ConnectionString, "--container", container.Name);

        Assert.Equal(1, exit);
        Assert.Contains("html-figure/images/t.png:1: image-format: ", output, StringComparison.Ordinal);
        Assert.Contains("deep/plain.md:", output, StringComparison.Ordinal);
        Assert.Contains(": nesting-too-deep: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", errors, StringComparison.Ordinal);
        Assert.Contains("Nothing published", errors, StringComparison.Ordinal);
        Assert.False(await container.ExistsAsync());
    }

    [Fact]
    public async Task Publish_without_a_connection_string_says_how_to_give_one()
    {
        var (exit, _, errors) = await LeafletsCli.RunAsync("publish", "--content", _content.Root);

        Assert.Equal(2, exit);
        Assert.Contains("--connection-string", errors, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BlobAccountTests.BadConnectionStringsWithTheFakeKey), MemberType = typeof(BlobAccountTests))]
    public async Task Publish_with_a_bad_connection_string_names_the_option_and_never_prints_the_key(string connectionString)
    {
        var (exit, output, errors) = await LeafletsCli.RunAsync("publish", "--content", _content.Root, "--connection-string", connectionString);

        Assert.Equal(2, exit);
        Assert.Contains("--connection-string", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(BlobAccountTests.FakeKey, output + errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_that_the_server_refuses_for_a_wrong_key_never_prints_the_key()
    {
        var wrongKey = azurite.ConnectionString.Split(';')
            .Select(part => part.StartsWith("AccountKey=", StringComparison.Ordinal) ? "AccountKey=" + BlobAccountTests.FakeKey : part);
        var container = azurite.NewContainer("wrongkey");

        var (exit, output, errors) = await LeafletsCli.RunAsync(
            new Dictionary<string, string> { ["Content__Blob__ConnectionString"] = string.Join(';', wrongKey) },
            "publish", "--content", _content.Root, "--container", container.Name);

        Assert.Equal(2, exit);
        Assert.Contains("Could not publish", errors, StringComparison.Ordinal);
        Assert.Contains("storage answered 403", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(BlobAccountTests.FakeKey, output + errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        Assert.False(await container.ExistsAsync());
    }

    [Fact]
    public async Task Publish_given_both_a_service_uri_and_a_connection_string_refuses_naming_both()
    {
        var (exit, _, errors) = await LeafletsCli.RunAsync(
            "publish", "--content", _content.Root, "--service-uri", "https://leafletsprod.blob.core.windows.net", "--connection-string", azurite.ConnectionString);

        Assert.Equal(2, exit);
        Assert.Contains("--service-uri", errors, StringComparison.Ordinal);
        Assert.Contains("--connection-string", errors, StringComparison.Ordinal);
    }

    public void Dispose() => _content.Dispose();
}
