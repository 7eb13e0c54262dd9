using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Rendering;

namespace Leaflets.Content.Tests;

public sealed class RepresentationVersionsTests
{
    /// <summary>What a version has always been: the first half of the SHA-256 of the parts' UTF-8, joined by line feeds.</summary>
    private static string JoinedThenHashed(string[] parts)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))), 0, 16);

    public static TheoryData<string[]> Parts => new()
    {
        new[] { "a" },
        new[] { "", "" },
        new[] { "9f2c", "plain", "application/json;leaflet=3", "current", "https://leaflets.example.nhs.uk/" },
        new[] { "Gofal ar ôl llawdriniaeth", "cy", "Ymweliad – 💊" },
        new[] { new string('e', 900), "ë", new string('x', 300) }, // past the stack buffer, across it in a two-byte letter
        new[] { "\ud83d" }, // a lone surrogate: encoded as the join encoded it
    };

    [Theory]
    [MemberData(nameof(Parts))]
    public void A_version_is_the_hash_of_its_parts_joined_by_line_feeds_however_long(string[] parts)
    {
        Assert.Equal(JoinedThenHashed(parts), RepresentationVersions.Derive(parts));
    }

    [Fact]
    public void No_parts_have_the_version_of_no_bytes()
    {
        Assert.Equal(JoinedThenHashed([]), RepresentationVersions.Derive());
    }
}
