namespace Leaflets.Content.Tests;

public class RepositoryPathsTests
{
    [Fact]
    public void The_repository_root_holds_the_content_folder() => Assert.True(Directory.Exists(RepositoryPaths.Content));
}
