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

public sealed class AcceptHeaderChoiceTests
{
    private static readonly string[] Offers = ["application/json", "text/html", "application/pdf"];

    [Theory]
    [InlineData("", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("text/html", "text/html")]
    [InlineData("text/html;q=0.5, application/pdf", "application/pdf")]
    [InlineData("text/*, application/json;q=0.2", "text/html")]
    [InlineData("application/*", "application/json")]
    [InlineData("application/*, application/json;q=0", "application/pdf")]
    [InlineData("image/png", null)]
    public void The_preferred_offer_wins_and_ties_go_to_the_server_order(string accept, string? chosen)
    {
        Assert.Equal(chosen, AcceptHeader.Choose(accept, Offers));
    }
}
