using System.Text;
using Leaflets.Content.Snapshot;

namespace Leaflets.Content.Tests.Snapshot;

/// <summary>Strings read from a snapshot through <see cref="SharedStrings"/>: the values <see cref="BinaryWriter"/> wrote, one instance per value.</summary>
public sealed class SharedStringsTests
{
    [Fact]
    public void Every_value_reads_back_as_written_and_an_equal_one_as_the_same_string()
    {
        string[] values = ["en-GB", "", "Gwybodaeth i gleifion: sgan esgyrn â llifyn", new string('ŵ', 300), "en-GB", new string('ŵ', 300)];
        using var reader = ReaderOf(values);
        var shared = new SharedStrings();

        var read = values.Select(_ => shared.Read(reader)).ToList();

        Assert.Equal(values, read);
        Assert.Same(read[0], read[4]);
        Assert.Same(read[3], read[5]);
        Assert.Equal(reader.BaseStream.Length, reader.BaseStream.Position);
    }

    [Fact]
    public void A_length_running_past_the_end_is_refused_not_read()
    {
        var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(40);
            writer.Write("short"u8);
        }
        var data = bytes.ToArray();
        using var reader = new BinaryReader(new MemoryStream(data, 0, data.Length, writable: false, publiclyVisible: true), Encoding.UTF8);

        Assert.Throws<EndOfStreamException>(() => new SharedStrings().Read(reader));
    }

    private static BinaryReader ReaderOf(IEnumerable<string> values)
    {
        var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var value in values)
            {
                writer.Write(value);
            }
        }
        var data = bytes.ToArray();
        return new BinaryReader(new MemoryStream(data, 0, data.Length, writable: false, publiclyVisible: true), Encoding.UTF8);
    }
}
