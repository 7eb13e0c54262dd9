using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Snapshot;

namespace Leaflets.Content.Tests.Snapshot;

/// <summary>A snapshot's SHA-256s held as bytes: the same hash as the framework's, compared by value, refused at a wrong length.</summary>
public sealed class Sha256DigestTests
{
    [Fact]
    public void A_digest_is_the_sha256_of_its_data_and_reads_back_from_its_32_bytes()
    {
        var data = Encoding.UTF8.GetBytes("# Bone scan\n");
        var digest = Sha256Digest.Of(data);
        var bytes = new byte[32];

        digest.WriteTo(bytes);

        Assert.Equal(SHA256.HashData(data), bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), digest.ToString());
        Assert.Equal(digest, Sha256Digest.FromBytes(bytes));
    }

    [Fact]
    public void Digests_of_data_differing_in_one_byte_are_not_equal()
    {
        var data = Encoding.UTF8.GetBytes("# Bone scan\n");
        var changed = (byte[])data.Clone();
        changed[^1] ^= 0x01;

        Assert.NotEqual(Sha256Digest.Of(data), Sha256Digest.Of(changed));
        Assert.Equal(Sha256Digest.Of(data), Sha256Digest.Of((byte[])data.Clone()));
    }

    [Fact]
    public void A_digest_is_refused_from_other_than_32_bytes()
    {
        var error = Assert.Throws<ArgumentException>(() => Sha256Digest.FromBytes(new byte[31]));

        Assert.Contains("31", error.Message, StringComparison.Ordinal);
    }
}
