using Leaflets.Functions.Http;

namespace Leaflets.Api.Tests;

public sealed class AcceptHeaderTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("application/json", true)]
    [InlineData("APPLICATION/JSON", true)]
    [InlineData("application/*;q=0.5", true)]
    [InlineData("*/*", true)]
    [InlineData("text/html", false)]
    [InlineData("application/json;q=0", false)]
    [InlineData("*/*, application/json;q=0", false)]
    [InlineData("application/json;q=0, */*", false)]
    [InlineData("application/*;q=0, application/json", true)]
    public void Accept_is_decided_by_the_most_specific_matching_range(string accept, bool accepted)
    {
        Assert.Equal(accepted, AcceptHeader.Accepts(accept, "application/json"));
    }
}
