using System.Buffers.Binary;

namespace Leaflets.Content.Rendering.Audio;

/// <summary>
/// Lays packets of one logical Ogg stream into pages (RFC 3533): a packet is laced into 255-byte segments, a page holds
/// at most 255 segments (a longer packet continues on the next page), and each page carries the granule position of
/// the last packet that ends on it (-1 when none does) and its CRC. The caller says where pages end.
/// </summary>
internal sealed class OggPageWriter(Stream output, uint serialNumber)
{
    private const int MaxSegments = 255;
    private const byte Continued = 0x01, BeginningOfStream = 0x02, EndOfStream = 0x04;

    private readonly List<byte> lacing = new(MaxSegments);
    private readonly MemoryStream body = new();
    private uint sequence;
    private long granule = -1;
    private bool continuesPacket;

    /// <summary>How many packets end on the page being filled.</summary>
    public int PacketsOnPage { get; private set; }

    /// <summary>Adds one packet; <paramref name="granuleAfter"/> is the stream's granule position once it is decoded.</summary>
    public void Packet(ReadOnlySpan<byte> packet, long granuleAfter)
    {
        var offset = 0;
        while (true)
        {
            if (lacing.Count == MaxSegments)
            {
                // The page is full in the middle of this packet: the rest goes on the next page, flagged as continued.
                WritePage(endOfStream: false, nextContinuesPacket: true);
            }

            // A segment shorter than 255 bytes (zero if need be) ends the packet.
            var segment = Math.Min(255, packet.Length - offset);
            lacing.Add((byte)segment);
            body.Write(packet.Slice(offset, segment));
            offset += segment;
            if (segment < 255)
            {
                break;
            }
        }

        granule = granuleAfter;
        PacketsOnPage++;
    }

    /// <summary>Writes the page being filled (it must end on a packet boundary, as every Packet call leaves it).</summary>
    public void EndPage(bool endOfStream) => WritePage(endOfStream, nextContinuesPacket: false);

    private void WritePage(bool endOfStream, bool nextContinuesPacket)
    {
        var header = new byte[27 + lacing.Count];
        "OggS"u8.CopyTo(header);
        header[4] = 0;
        header[5] = (byte)((continuesPacket ? Continued : 0) | (sequence == 0 ? BeginningOfStream : 0) | (endOfStream ? EndOfStream : 0));
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(6), granule);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(14), serialNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(18), sequence);
        header[26] = (byte)lacing.Count;
        lacing.CopyTo(header, 27);

        var data = body.GetBuffer().AsSpan(0, (int)body.Length);
        var crc = OggCrc.Update(OggCrc.Update(0, header), data);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(22), crc);
        output.Write(header);
        output.Write(data);

        sequence++;
        lacing.Clear();
        body.SetLength(0);
        granule = -1;
        PacketsOnPage = 0;
        continuesPacket = nextContinuesPacket;
    }
}

/// <summary>Ogg's page checksum: CRC-32 with polynomial 0x04C11DB7, most significant bit first, no reflection, initial value and final XOR zero.</summary>
internal static class OggCrc
{
    private static readonly uint[] Table = BuildTable();

    public static uint Update(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var value in bytes)
        {
            crc = (crc << 8) ^ Table[(byte)(crc >> 24) ^ value];
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint index = 0; index < 256; index++)
        {
            var entry = index << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                entry = (entry & 0x8000_0000) != 0 ? (entry << 1) ^ 0x04C1_1DB7 : entry << 1;
            }

            table[index] = entry;
        }

        return table;
    }
}
