namespace Leaflets.Content.Rendering.Pdf.Fonts;

/// <summary>Reads a TrueType cmap table into code point → glyph id, preferring the full-Unicode subtable.</summary>
internal static class CharacterMap
{
    public static Dictionary<int, ushort> Read(byte[] bytes, int cmap)
    {
        int count = FontFace.U16(bytes, cmap + 2);
        int? format4 = null;
        int? format12 = null;
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + (i * 8);
            int platform = FontFace.U16(bytes, record);
            int encoding = FontFace.U16(bytes, record + 2);
            var subtable = cmap + (int)FontFace.U32(bytes, record + 4);
            var isUnicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if (!isUnicode)
            {
                continue;
            }
            switch (FontFace.U16(bytes, subtable))
            {
                case 4:
                    format4 ??= subtable;
                    break;
                case 12:
                    format12 ??= subtable;
                    break;
            }
        }
        if (format12 is { } full)
        {
            return ReadFormat12(bytes, full);
        }
        if (format4 is { } basic)
        {
            return ReadFormat4(bytes, basic);
        }
        throw new InvalidDataException("The font has no Unicode character map.");
    }

    private static Dictionary<int, ushort> ReadFormat4(byte[] bytes, int table)
    {
        var map = new Dictionary<int, ushort>();
        var segments = FontFace.U16(bytes, table + 6) / 2;
        var ends = table + 14;
        var starts = ends + (segments * 2) + 2;
        var deltas = starts + (segments * 2);
        var rangeOffsets = deltas + (segments * 2);
        for (var s = 0; s < segments; s++)
        {
            int end = FontFace.U16(bytes, ends + (s * 2));
            int start = FontFace.U16(bytes, starts + (s * 2));
            var delta = (short)FontFace.U16(bytes, deltas + (s * 2));
            var rangeOffsetAt = rangeOffsets + (s * 2);
            int rangeOffset = FontFace.U16(bytes, rangeOffsetAt);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = rangeOffsetAt + rangeOffset + ((c - start) * 2);
                    glyph = FontFace.U16(bytes, at);
                    if (glyph != 0)
                    {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                }
                if (glyph != 0)
                {
                    map[c] = (ushort)glyph;
                }
            }
        }
        return map;
    }

    private static Dictionary<int, ushort> ReadFormat12(byte[] bytes, int table)
    {
        var map = new Dictionary<int, ushort>();
        var groups = (int)FontFace.U32(bytes, table + 12);
        for (var g = 0; g < groups; g++)
        {
            var group = table + 16 + (g * 12);
            var start = (int)FontFace.U32(bytes, group);
            var end = (int)FontFace.U32(bytes, group + 4);
            var glyph = (int)FontFace.U32(bytes, group + 8);
            for (var c = start; c <= end; c++)
            {
                map[c] = (ushort)(glyph + (c - start));
            }
        }
        return map;
    }
}
