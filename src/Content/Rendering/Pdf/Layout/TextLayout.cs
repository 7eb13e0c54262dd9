using System.Runtime.InteropServices;
using System.Text;
using Leaflets.Content.Rendering.Pdf.Fonts;

namespace Leaflets.Content.Rendering.Pdf.Layout;

/// <summary>
/// A piece of inline text before line breaking: its words, weight and the inline element it is inside, if any: a link,
/// or a span in another language than its paragraph's. <see cref="Language"/> asks for that span: words in another
/// language than the document's (English a strings file lacks), which <see cref="FlowBuilder.TextSlices"/> puts in a
/// Span with that /Lang.
/// </summary>
internal readonly record struct TextRun(string Text, bool Bold, StructNode? Element, string? Language = null);

/// <summary>Text of one face and weight placed on a line; <see cref="X"/> is relative to the line start.</summary>
internal sealed record Fragment(double X, double Width, string Text, FontFace Face, bool Bold, StructNode? Element);

internal sealed record TextLine(IReadOnlyList<Fragment> Fragments, double Width);

/// <summary>
/// Breaks runs of text into lines: greedy, left aligned, ragged right, never hyphenated. A word
/// wider than the whole line is broken between characters so that nothing crosses the margin.
/// Each character is measured in the face that will draw it (Atkinson, or DejaVu where Atkinson lacks it).
/// </summary>
internal static class TextLayout
{
    public static IReadOnlyList<TextLine> Break(IEnumerable<TextRun> runs, double size, double maxWidth, CancellationToken cancellation = default)
    {
        var (pieces, wordEnds) = SplitWords(runs);
        var lines = new List<TextLine>();
        var current = new LineBuilder(size);
        var room = Room(size, maxWidth);
        var wordStart = 0;
        foreach (var wordEnd in wordEnds)
        {
            cancellation.ThrowIfCancellationRequested();
            ReadOnlySpan<TextRun> word = CollectionsMarshal.AsSpan(pieces)[wordStart..wordEnd];
            wordStart = wordEnd;
            double wordWidth = 0;
            foreach (var piece in word)
            {
                wordWidth += Measure(piece.Text, piece.Bold, size);
            }
            if (!current.IsEmpty && current.Width + current.SpaceWidth + wordWidth > room)
            {
                lines.Add(current.BuildWithTrailingSpace());
                current.Reset();
            }
            if (current.IsEmpty && wordWidth > room)
            {
                foreach (var piece in BreakLongWord(word, size, room, lines))
                {
                    current.Append(piece, size);
                }
                continue;
            }
            current.AddWord(word, size);
        }
        if (!current.IsEmpty)
        {
            lines.Add(current.Build());
        }
        return lines;
    }

    /// <summary>Room is left for the space that ends a broken line, so even that stays inside the margin.</summary>
    private static double Room(double size, double maxWidth) => maxWidth - Math.Max(Measure(" ", false, size), Measure(" ", true, size));

    /// <summary>
    /// <paramref name="text"/> as regular text on one line: cut after the last whole word that fits (inside a word only
    /// when one word is wider than the line), ending in an ellipsis.
    /// The one rule for shortening text to fit (the footer's title). Measures each character once, so work is linear in
    /// the text's length however long it is.
    /// </summary>
    public static string FitOnOneLine(string text, double size, double maxWidth)
    {
        var room = Room(size, maxWidth);
        if (Measure(text, false, size) <= room)
        {
            return text;
        }
        room -= Measure(Ellipsis, false, size);
        var width = 0.0;
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += LeafletFonts.For(rune.Value, false).Advance(rune.Value) * size;
            if (width > room)
            {
                break;
            }
            end += rune.Utf16SequenceLength;
        }
        // Whole words where there are any: "Strengthening painful…", not "Strengthening painful b…".
        var lastSpace = end < text.Length && !char.IsWhiteSpace(text[end]) ? text.LastIndexOf(' ', Math.Max(end - 1, 0)) : -1;
        return text[..(lastSpace > 0 ? lastSpace : end)].TrimEnd() + Ellipsis;
    }

    private const string Ellipsis = "\u2026";

    public static double Measure(string text, bool bold, double size)
    {
        double width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += LeafletFonts.For(rune.Value, bold).Advance(rune.Value);
        }
        return width * size;
    }

    /// <summary>Fills whole lines with the characters of an over-long word; returns what is left for the next line.</summary>
    private static List<TextRun> BreakLongWord(ReadOnlySpan<TextRun> word, double size, double maxWidth, List<TextLine> lines)
    {
        var line = new LineBuilder(size);
        var remainder = new List<TextRun>();
        foreach (var piece in word)
        {
            var buffer = new StringBuilder();
            // Kept as the characters go in: measuring the whole buffer again for each one cost a line's length per character.
            var bufferWidth = 0.0;
            foreach (var rune in piece.Text.EnumerateRunes())
            {
                var runeWidth = LeafletFonts.For(rune.Value, piece.Bold).Advance(rune.Value) * size;
                if (line.Width + bufferWidth + runeWidth > maxWidth && (!line.IsEmpty || buffer.Length > 0))
                {
                    line.Append(piece with { Text = buffer.ToString() }, size);
                    lines.Add(line.Build());
                    line = new LineBuilder(size);
                    buffer.Clear();
                    bufferWidth = 0;
                }
                buffer.Append(rune.ToString());
                bufferWidth += runeWidth;
            }
            if (buffer.Length > 0)
            {
                line.Append(piece with { Text = buffer.ToString() }, size);
            }
        }
        remainder.AddRange(line.Pieces);
        return remainder;
    }

    /// <summary>Every word's pieces in one list, and where each word ends in it: no list per word.</summary>
    private static (List<TextRun> Pieces, List<int> WordEnds) SplitWords(IEnumerable<TextRun> runs)
    {
        var pieces = new List<TextRun>();
        var wordEnds = new List<int>();
        var wordStart = 0;
        foreach (var run in runs)
        {
            // A word piece is the stretch of the run between whitespace, so it is cut out, not rebuilt.
            var text = run.Text;
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c) && c != '\u00A0')
                {
                    if (i > start)
                    {
                        pieces.Add(run with { Text = text[start..i] });
                    }
                    start = i + 1;
                    if (pieces.Count > wordStart)
                    {
                        wordEnds.Add(pieces.Count);
                        wordStart = pieces.Count;
                    }
                }
            }
            if (text.Length > start)
            {
                pieces.Add(run with { Text = start == 0 ? text : text[start..] });
            }
        }
        if (pieces.Count > wordStart)
        {
            wordEnds.Add(pieces.Count);
        }
        return (pieces, wordEnds);
    }

    private sealed class LineBuilder(double size)
    {
        private readonly List<Fragment> _fragments = [];
        // The current fragment's characters; a plain array, since StringBuilder.Clear on a builder that grew reallocates.
        private char[] _text = new char[64];
        private int _length;
        private FontFace? _face;
        private bool _bold;
        private StructNode? _element;
        private double _start;
        private double _width;

        public List<TextRun> Pieces { get; } = new(32);

        public double Width { get; private set; }

        public bool IsEmpty => Pieces.Count == 0;

        /// <summary>The space that would separate the next word, measured in the weight of the last one.</summary>
        public double SpaceWidth => IsEmpty ? 0 : LeafletFonts.For(' ', Pieces[^1].Bold).Advance(' ') * size;

        public void AddWord(ReadOnlySpan<TextRun> word, double fontSize)
        {
            if (!IsEmpty)
            {
                // The space joins the preceding text so extraction and screen readers see separate words.
                Append(Pieces[^1] with { Text = " " }, fontSize);
            }
            foreach (var piece in word)
            {
                Append(piece, fontSize);
            }
        }

        public void Append(TextRun piece, double fontSize)
        {
            if (piece.Text.Length == 0)
            {
                return;
            }
            Pieces.Add(piece);
            var text = piece.Text;
            for (var at = 0; at < text.Length;)
            {
                // Same as EnumerateRunes (lone surrogates become U+FFFD), without a string per character.
                Rune.DecodeFromUtf16(text.AsSpan(at), out var rune, out var consumed);
                var face = LeafletFonts.For(rune.Value, piece.Bold);
                if (face != _face || piece.Bold != _bold || piece.Element != _element)
                {
                    Flush();
                    (_face, _bold, _element, _start) = (face, piece.Bold, piece.Element, Width);
                }
                var advance = face.Advance(rune.Value) * fontSize;
                AppendRune(rune);
                _width += advance;
                Width += advance;
                at += consumed;
            }
        }

        /// <summary>Empties the builder for the next line; one builder serves a whole paragraph, so a line costs no new buffers.</summary>
        public void Reset()
        {
            _fragments.Clear();
            Pieces.Clear();
            _length = 0;
            (_face, _bold, _element, _start, _width) = (null, false, null, 0, 0);
            Width = 0;
        }

        private void AppendRune(Rune rune)
        {
            if (_length + 2 > _text.Length)
            {
                Array.Resize(ref _text, _text.Length * 2);
            }
            _length += rune.EncodeToUtf16(_text.AsSpan(_length));
        }

        public TextLine Build()
        {
            Flush();
            return new TextLine(_fragments.ToArray(), Width);
        }

        /// <summary>
        /// Ends a line that breaks at a space: the space is kept as text so that text extraction and
        /// screen readers do not run the last word of one line into the first of the next.
        /// </summary>
        public TextLine BuildWithTrailingSpace()
        {
            Flush();
            var last = _fragments[^1];
            _fragments[^1] = last with { Text = last.Text + " " };
            return new TextLine(_fragments.ToArray(), Width);
        }

        private void Flush()
        {
            if (_length > 0 && _face is not null)
            {
                _fragments.Add(new Fragment(_start, _width, new string(_text, 0, _length), _face, _bold, _element));
            }
            _length = 0;
            _width = 0;
        }
    }
}
