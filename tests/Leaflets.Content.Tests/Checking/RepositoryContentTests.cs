using Leaflets.Content.Checking;
using Leaflets.Content.Loading;

namespace Leaflets.Content.Tests.Checking;

public class RepositoryContentTests
{
    [Fact]
    public async Task Every_leaflet_in_the_repository_passes_the_publish_gate()
    {
        var report = await new ContentCheck().RunAsync(new FileContentSource(RepositoryPaths.Content), CancellationToken.None);

        Assert.Empty(report.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString()));
        var folders = Directory.GetDirectories(Path.Combine(RepositoryPaths.Content, "leaflets")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(folders, report.Content.Leaflets.Keys);
        Assert.All(report.Content.Leaflets.Values.SelectMany(l => l.Images.Values), image =>
            Assert.True(image.PixelWidth > 0 && image.PixelHeight > 0, image.FileName));
    }
}
