using System.Net;

namespace Leaflets.Api.Tests.Infrastructure;

/// <summary>What every downloadable format promises a client that keeps its copy: the same request gives the same bytes
/// under the same strong tag, and that tag answers 304 with no body.</summary>
public static class StableRepresentation
{
    public static async Task AssertAsync(HttpClient client, string route)
    {
        var first = await client.GetAsync(route);
        var second = await client.GetAsync(route);
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        using var conditional = new HttpRequestMessage(HttpMethod.Get, route);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Matches("^\"[0-9a-f]{32}\"$", first.Headers.ETag!.Tag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }
}
