using System.Collections.Immutable;
using System.IO.Compression;
using Microsoft.Extensions.Primitives;

namespace Leaflets.Functions.Http;

/// <summary>
/// A content coding (RFC 9110 section 8.4.1) a response body may be sent in, and how its bytes are made. Done by our
/// own code in both hosts: the Functions host does not compress an isolated worker's responses (its opt-in
/// <c>EnableResponseCompression</c> flag is off, and leaves a response that already has a Content-Encoding alone), and
/// Flex Consumption has no IIS to do it, so this is the one place that decides, in Azure and in <c>leaflets serve</c>.
/// </summary>
public sealed record ContentCoding
{
    private ContentCoding(string token, string tagSuffix) => (Token, TagSuffix) = (token, tagSuffix);

    /// <summary>The name in Accept-Encoding and Content-Encoding.</summary>
    public string Token { get; }

    /// <summary>Added inside the quotes of the identity ETag: the encoded bytes differ, so their strong tag must too.</summary>
    public string TagSuffix { get; }

    /// <summary>
    /// Brotli at quality 5 with a 4 MB window (22 bits, the format's default): 5% fewer bytes than gzip on the leaflet
    /// JSON, for about 1 ms more per encoding, made once per body (<see cref="RepresentationCache"/>); quality 9 saves 1% more for ten times the time
    /// (docs/http-api.md, Compression). The fixed quality and window make the same body always encode to the same bytes.
    /// </summary>
    public static readonly ContentCoding Brotli = new("br", "-br");

    /// <summary>
    /// Gzip at zlib level 6 (its default). Its header's modification time is always 0 (.NET writes no file time), so
    /// the same body always encodes to the same bytes.
    /// </summary>
    public static readonly ContentCoding Gzip = new("gzip", "-gz");

    public const int BrotliQuality = 5;

    public const int BrotliWindowBits = 22;

    public const int GzipLevel = 6;

    /// <summary>The codings we send, Brotli first: it is smaller, so it wins a tie of q-values.</summary>
    public static readonly IReadOnlyList<ContentCoding> Offered = [Brotli, Gzip];

    /// <summary>
    /// Below this many bytes a body is sent as it is (unless the client refuses identity): compressing it saves less
    /// than a packet, and the coding's own framing eats part of that.
    /// </summary>
    public const int MinimumBodyBytes = 1024;

    private const string Identity = "identity";

    /// <summary>
    /// The coding to send a body of <paramref name="bodyLength"/> bytes in, or null for none (identity), by the
    /// request's Accept-Encoding (RFC 9110 section 12.5.3): each coding weighs its own entry's q, else <c>*</c>'s, else
    /// 0 (identity: 1 unless refused). The heaviest wins, Brotli before gzip before identity on a tie. No header, or an
    /// empty one, is identity: a client that says nothing may not be able to decode. When every coding is refused,
    /// identity is sent anyway, as the RFC advises, rather than a 406.
    /// </summary>
    public static ContentCoding? Choose(StringValues acceptEncoding, int bodyLength)
    {
        var entries = AcceptHeader.Parse(acceptEncoding);
        if (entries.IsEmpty)
        {
            return null;
        }
        var identityWeight = WeightOf(Identity, entries) ?? 1.0;
        ContentCoding? best = null;
        var bestWeight = 0.0;
        foreach (var coding in Offered)
        {
            var weight = WeightOf(coding.Token, entries) ?? 0.0;
            if (weight > bestWeight)
            {
                (best, bestWeight) = (coding, weight);
            }
        }
        if (best is null || bestWeight < identityWeight)
        {
            return null;
        }
        return bodyLength >= MinimumBodyBytes || identityWeight == 0 ? best : null;
    }

    /// <summary>The entry's own q, else that of <c>*</c>, else null when the header names neither.</summary>
    private static double? WeightOf(string token, ImmutableArray<(string Name, double Weight)> entries)
    {
        double? wildcard = null;
        foreach (var (name, weight) in entries)
        {
            if (name == token)
            {
                return weight;
            }
            if (name == "*")
            {
                wildcard = weight;
            }
        }
        return wildcard;
    }

    /// <summary>The body in this coding: the same bytes for the same body, every time.</summary>
    public byte[] Encode(ReadOnlySpan<byte> body)
    {
        if (this == Brotli)
        {
            var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(body.Length)];
            if (!BrotliEncoder.TryCompress(body, buffer, out var written, BrotliQuality, BrotliWindowBits))
            {
                throw new InvalidOperationException("Brotli could not compress a body into its maximum compressed length.");
            }
            return buffer[..written];
        }
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, new ZLibCompressionOptions { CompressionLevel = GzipLevel }, leaveOpen: true))
        {
            gzip.Write(body);
        }
        return output.ToArray();
    }

    /// <summary>
    /// Whether a body of this media type is compressed: text (JSON, JSON-LD, HTML, CSS, plain text, XML such as the
    /// spoken script's SSML; not SVG figures, which are served as loaded), and PDFs (30% to
    /// 59% smaller), whose encoding, longer than their render, is made once per PDF and coding and then kept
    /// (<see cref="RepresentationCache"/>). Not the TTF fonts yet (about 45% smaller), which are not kept encoded. Not
    /// PNG or JPEG figures, which are compressed already.
    /// </summary>
    public static bool Suits(string contentType)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase));
    }
}
