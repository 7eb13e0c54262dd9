using Leaflets.Content.Caching;
using Leaflets.Content.Loading;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Storage.Content;
using Leaflets.Storage.Pdf;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Storage.Tests;

/// <summary>
/// A service URI with no key reaches the account with the managed identity; a connection string still works; a
/// connection string or key never appears in a message, whatever is wrong with it.
/// </summary>
public sealed class BlobAccountTests
{
    /// <summary>Recognisable, and never a real key: if it shows up in any output, a secret would have too.</summary>
    public const string FakeKey = "RkFLRS1LRVktZG8tbm90LXByaW50LW1lLTAxMjM0NTY3ODk=";

    private const string ServiceUri = "https://leafletsprod.blob.core.windows.net";

    public static TheoryData<string> BadConnectionStringsWithTheFakeKey => new()
    {
        $"DefaultEndpointsProtocol=https;AccountName=leafletsprod;AccountKey={FakeKey};BlobEndpoint=not a uri",
        $"DefaultEndpointsProtocol=https;AccountKey={FakeKey}",
        $"{FakeKey}",
        $"BlobEndpoint=https://leafletsprod.blob.core.windows.net;AccountKey={FakeKey};AccountName",
    };

    [Fact]
    public void A_service_uri_reaches_the_container_with_a_token_not_a_key()
    {
        var container = BlobAccount.FromServiceUri(new Setting(ServiceUri + "/", "Content:Blob:ServiceUri")).Container("leaflets");

        Assert.Equal(new Uri(ServiceUri + "/leaflets"), container.Uri);
        // Only a client holding the account key can sign SAS URIs itself.
        Assert.False(container.CanGenerateSasUri);
    }

    [Fact]
    public void A_connection_string_still_reaches_the_container_with_its_key()
    {
        var container = BlobAccount.FromConnectionString(new Setting("UseDevelopmentStorage=true", "Content:Blob:ConnectionString")).Container("leaflets");

        Assert.True(container.CanGenerateSasUri);
        Assert.Equal("leaflets", container.Name);
    }

    [Fact]
    public void Source_blob_with_only_service_uris_serves_the_content_and_shares_pdfs_through_the_managed_identity()
    {
        using var services = StorageConfigurationTests.Build(new()
        {
            ["Content:Source"] = "blob",
            ["Content:Blob:ServiceUri"] = ServiceUri,
            ["PdfCache:Blob:ServiceUri"] = "https://leafletscache.blob.core.windows.net",
        });

        Assert.Equal("blob:leaflets", Assert.IsType<BlobContentSource>(services.GetRequiredService<IContentSource>()).DisplayRoot);
        Assert.Equal("pdf-cache", Assert.IsType<BlobRenderedPdfStore>(services.GetRequiredService<IRenderedPdfStore>()).ContainerName);
    }

    [Fact]
    public void A_service_uri_and_a_connection_string_for_the_same_container_are_refused_naming_both()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConfigurationTests.Build(new()
        {
            ["Content:Source"] = "blob",
            ["Content:Blob:ServiceUri"] = ServiceUri,
            ["Content:Blob:ConnectionString"] = $"AccountName=leafletsprod;AccountKey={FakeKey}",
        }));

        Assert.Contains("Content:Blob:ServiceUri", error.Message, StringComparison.Ordinal);
        Assert.Contains("Content:Blob:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://leafletsprod.blob.core.windows.net")]
    [InlineData("https://leafletsprod.blob.core.windows.net/leaflets")]
    [InlineData("https://leafletsprod.blob.core.windows.net/?sv=2024-01-01&sig=" + FakeKey)]
    [InlineData("https://user:" + FakeKey + "@leafletsprod.blob.core.windows.net")]
    [InlineData("leafletsprod")]
    public void A_service_uri_that_is_not_a_keyless_https_service_address_is_refused_without_echoing_it(string uri)
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => StorageConfigurationTests.Build(new() { ["Content:Source"] = "blob", ["PdfCache:Blob:ServiceUri"] = uri, ["Content:Blob:ConnectionString"] = "UseDevelopmentStorage=true" }));

        Assert.Contains("PdfCache:Blob:ServiceUri", error.Message, StringComparison.Ordinal);
        Assert.Contains("PdfCache__Blob__ServiceUri", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("leafletsprod", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadConnectionStringsWithTheFakeKey))]
    public void A_bad_connection_string_is_named_by_its_setting_and_its_key_appears_in_no_message(string connectionString)
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => StorageConfigurationTests.Build(new() { ["Content:Source"] = "blob", ["Content:Blob:ConnectionString"] = connectionString }));

        Assert.Contains("Content:Blob:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        Assert.DoesNotContain(FakeKey, error.ToString(), StringComparison.Ordinal);
    }
}
