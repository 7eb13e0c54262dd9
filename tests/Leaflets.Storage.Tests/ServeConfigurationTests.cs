namespace Leaflets.Storage.Tests;

public sealed class ServeConfigurationTests
{
    [Fact]
    public async Task Serve_with_blob_content_but_no_connection_string_stops_and_names_the_setting()
    {
        var (exit, _, errors) = await LeafletsCli.RunAsync(
            new Dictionary<string, string> { ["Content__Source"] = "blob" },
            "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exit);
        Assert.Contains("Content:Blob:ConnectionString", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_a_bad_connection_string_stops_naming_the_setting_and_never_prints_the_key()
    {
        var (exit, output, errors) = await LeafletsCli.RunAsync(
            new Dictionary<string, string>
            {
                ["Content__Source"] = "blob",
                ["Content__Blob__ConnectionString"] = $"DefaultEndpointsProtocol=https;AccountKey={BlobAccountTests.FakeKey}",
            },
            "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exit);
        Assert.Contains("Content:Blob:ConnectionString", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(BlobAccountTests.FakeKey, output + errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Http__FrameAncestors", "https://partner.example.org; script-src *", "Http:FrameAncestors")]
    [InlineData("Site__PublicBaseUrl", "ftp://leaflets.example.org", "Site:PublicBaseUrl")]
    [InlineData("Cors__AllowedOrigins", "https://portal.example.org/", "Cors:AllowedOrigins")]
    public async Task Serve_with_a_bad_http_setting_stops_naming_it_without_a_stack_trace(string variable, string value, string setting)
    {
        var (exit, _, errors) = await LeafletsCli.RunAsync(
            new Dictionary<string, string> { [variable] = value }, "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exit);
        Assert.Contains(setting, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }
}
