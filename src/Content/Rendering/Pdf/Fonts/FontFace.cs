using System.Buffers.Binary;

namespace Leaflets.Content.Rendering.Pdf.Fonts;

/// <summary>
/// The few TrueType tables layout needs, read straight from the font file: which characters the
/// face has (cmap), how wide each one is (hmtx) and how tall the face is (hhea). Measuring from
/// the same tables PDFsharp embeds keeps our line breaks and its drawing in agreement.
/// </summary>
internal sealed class FontFace
{
    private readonly Dictionary<int, ushort> _glyphs;
    private readonly ushort[] _advances;

    public FontFace(string faceName, byte[] bytes)
    {
        FaceName = faceName;
        Bytes = bytes;
        var tables = ReadTableDirectory(bytes);
        var head = tables["head"];
        UnitsPerEm = U16(bytes, head + 18);
        var hhea = tables["hhea"];
        Ascender = (short)U16(bytes, hhea + 4) / (double)UnitsPerEm;
        Descender = -(short)U16(bytes, hhea + 6) / (double)UnitsPerEm;
        int metricCount = U16(bytes, hhea + 34);
        var hmtx = tables["hmtx"];
        _advances = new ushort[metricCount];
        for (var i = 0; i < metricCount; i++)
        {
            _advances[i] = U16(bytes, hmtx + (i * 4));
        }
        _glyphs = CharacterMap.Read(bytes, tables["cmap"]);
        _basicAdvances = new float[0x10000];
        for (var c = 0; c < _basicAdvances.Length; c++)
        {
            _basicAdvances[c] = _glyphs.TryGetValue(c, out var glyph) && glyph != 0 ? (float)AdvanceOfGlyph(glyph) : float.NaN;
        }
    }

    /// <summary>Advances of the Basic Multilingual Plane by code point (NaN where the face has no glyph): layout asks for these constantly.</summary>
    private readonly float[] _basicAdvances;

    public string FaceName { get; }

    public byte[] Bytes { get; }

    public int UnitsPerEm { get; }

    /// <summary>Height above the baseline, in ems.</summary>
    public double Ascender { get; }

    /// <summary>Depth below the baseline, in ems (positive).</summary>
    public double Descender { get; }

    public bool Covers(int codePoint)
        => codePoint < 0x10000 ? !float.IsNaN(_basicAdvances[codePoint]) : _glyphs.TryGetValue(codePoint, out var glyph) && glyph != 0;

    /// <summary>The advance width of <paramref name="codePoint"/> in ems (0 when the face lacks it).</summary>
    public double Advance(int codePoint)
    {
        if (codePoint < 0x10000)
        {
            var basic = _basicAdvances[codePoint];
            return float.IsNaN(basic) ? 0 : basic;
        }
        return _glyphs.TryGetValue(codePoint, out var glyph) ? AdvanceOfGlyph(glyph) : 0;
    }

    private double AdvanceOfGlyph(ushort glyph)
        => (glyph < _advances.Length ? _advances[glyph] : _advances[^1]) / (double)UnitsPerEm;

    private static Dictionary<string, int> ReadTableDirectory(byte[] bytes)
    {
        int count = U16(bytes, 4);
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + (i * 16);
            var tag = System.Text.Encoding.ASCII.GetString(bytes, record, 4);
            tables[tag] = (int)U32(bytes, record + 8);
        }
        foreach (var required in new[] { "head", "hhea", "hmtx", "cmap" })
        {
            if (!tables.ContainsKey(required))
            {
                throw new InvalidDataException($"The font has no '{required}' table.");
            }
        }
        return tables;
    }

    internal static ushort U16(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(offset, 2));

    internal static uint U32(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset, 4));
}
