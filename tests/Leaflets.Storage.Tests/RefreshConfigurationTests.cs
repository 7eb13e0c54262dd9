using System.Collections.Immutable;
using System.Text;
using Leaflets.Content;
using Leaflets.Content.Catalog;
using Leaflets.Content.Loading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Leaflets.Storage.Tests;

/// <summary>Content:RefreshSeconds as the apps configure it, through dependency injection.</summary>
public sealed class RefreshConfigurationTests
{
    [Fact]
    public async Task The_catalog_re_reads_its_source_after_the_configured_number_of_seconds()
    {
        var source = new CountingSource();
        var time = new FakeTimeProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Content:RefreshSeconds"] = "5" }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time).AddSingleton<IContentSource>(source);
        services.AddLeafletContent(configuration);
        using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<LeafletCatalog>();

        await catalog.GetSnapshotAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4));
        await catalog.GetSnapshotAsync(CancellationToken.None);
        await catalog.WhenRefreshedAsync();
        var readsBeforeDue = source.Reads;
        time.Advance(TimeSpan.FromSeconds(1));
        await catalog.GetSnapshotAsync(CancellationToken.None);
        await catalog.WhenRefreshedAsync();

        Assert.Equal(1, readsBeforeDue);
        Assert.Equal(2, source.Reads);
    }

    private sealed class CountingSource : IContentSource
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public string DisplayRoot => "memory";

        public Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            IReadOnlyList<ContentFile> files = [new ContentFile("leaflets/wound-care/plain.md", ImmutableArray.Create(Encoding.UTF8.GetBytes(ContentFolder.Leaflet("Looking after your wound", 1))))];
            return Task.FromResult(files);
        }
    }
}
