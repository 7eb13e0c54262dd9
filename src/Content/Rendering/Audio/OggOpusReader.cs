using System.Buffers.Binary;
using Concentus.Structs;

namespace Leaflets.Content.Rendering.Audio;

/// <summary>
/// Reads an Ogg Opus file back the way a player does, for the publish gate (which cannot count on Xiph's tools being
/// on the machine): every page's capture pattern and checksum, the OpusHead and OpusTags headers, and every audio packet
/// decoded with Concentus's decoder. What it returns is what a listener gets: the length the granule positions give.
/// </summary>
public static class OggOpusReader
{
    private const int GranuleRate = 48_000;

    /// <summary>The most samples one Opus packet decodes to: 120 ms at 48 kHz (RFC 6716).</summary>
    private const int MaxPacketSamples = 5760;

    /// <summary>The playback length, after every packet decoded; <see cref="InvalidDataException"/> naming the first fault otherwise.</summary>
    public static TimeSpan Decode(ReadOnlySpan<byte> file)
    {
        var packets = new List<byte[]>();
        var pending = new List<byte>();
        long lastGranule = 0;
        var pages = 0;
        for (var at = 0; at < file.Length; pages++)
        {
            var page = file[at..];
            if (page.Length < 27 || !page[..4].SequenceEqual("OggS"u8) || page[4] != 0)
            {
                throw new InvalidDataException($"page {pages + 1} (byte {at}) does not start with an Ogg capture pattern");
            }
            int segments = page[26];
            if (page.Length < 27 + segments)
            {
                throw new InvalidDataException($"page {pages + 1} is cut short in its segment table");
            }
            var lacing = page.Slice(27, segments);
            var bodyLength = 0;
            foreach (var value in lacing)
            {
                bodyLength += value;
            }
            var length = 27 + segments + bodyLength;
            if (page.Length < length)
            {
                throw new InvalidDataException($"page {pages + 1} is cut short in its body");
            }
            var copy = page[..length].ToArray();
            var stored = BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(22));
            copy.AsSpan(22, 4).Clear();
            if (OggCrc.Update(0, copy) != stored)
            {
                throw new InvalidDataException($"page {pages + 1} fails its checksum");
            }
            var body = page.Slice(27 + segments, bodyLength);
            var offset = 0;
            foreach (var value in lacing)
            {
                pending.AddRange(body.Slice(offset, value));
                offset += value;
                if (value < 255)
                {
                    packets.Add([.. pending]);
                    pending.Clear();
                }
            }
            var granule = BinaryPrimitives.ReadInt64LittleEndian(page[6..]);
            if (granule != -1)
            {
                lastGranule = granule;
            }
            at += length;
        }
        if (packets.Count < 3 || !packets[0].AsSpan().StartsWith("OpusHead"u8) || !packets[1].AsSpan().StartsWith("OpusTags"u8))
        {
            throw new InvalidDataException("the file has no OpusHead and OpusTags headers followed by audio");
        }
        var head = packets[0];
        if (head.Length < 19 || head[9] != 1)
        {
            throw new InvalidDataException("the OpusHead header is not for one channel");
        }
        var preSkip = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(10));

#pragma warning disable CS0618 // The managed decoder on purpose, as the writer's encoder: the same result on every machine.
        var decoder = new OpusDecoder(GranuleRate, 1);
#pragma warning restore CS0618
        var pcm = new short[MaxPacketSamples];
        long decoded = 0;
        for (var index = 2; index < packets.Count; index++)
        {
            var samples = decoder.Decode(packets[index], pcm, MaxPacketSamples, false);
            if (samples <= 0)
            {
                throw new InvalidDataException($"audio packet {index - 1} does not decode");
            }
            decoded += samples;
        }
        if (lastGranule > decoded || lastGranule <= preSkip)
        {
            throw new InvalidDataException($"the last granule position {lastGranule} does not fit the {decoded} samples decoded after a pre-skip of {preSkip}");
        }
        return TimeSpan.FromSeconds((double)(lastGranule - preSkip) / GranuleRate);
    }
}
