using System.Collections.Immutable;
using System.Text;

namespace Leaflets.Content.Loading;

/// <summary>
/// A Markdown file split into its front matter and body. The body keeps the front matter's lines as blank
/// lines, so that line numbers the Markdown parser reports are already lines of the whole file.
/// </summary>
internal sealed record SourceText(string FrontMatter, int FrontMatterFirstLine, int ClosingLine, string Body)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceText? Read(ImmutableArray<byte> bytes, ProblemLog problems)
    {
        if (bytes.IsEmpty)
        {
            problems.Add(1, ContentRules.FileEmpty, "the file is empty; it needs front matter and a body");
            return null;
        }
        var text = Decode(bytes.AsSpan(), problems);
        if (text is null)
        {
            return null;
        }
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            problems.Add(1, ContentRules.FrontMatterMissing, "the file must start with a '---' line opening the front matter");
            return null;
        }
        var closing = Array.FindIndex(lines, 1, line => line.TrimEnd() == "---");
        if (closing < 0)
        {
            problems.Add(1, ContentRules.FrontMatterUnterminated, "the front matter opened on line 1 is never closed by a '---' line");
            return null;
        }
        var frontMatter = string.Join('\n', lines[1..closing]);
        var body = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            body.Append(i <= closing ? string.Empty : lines[i]).Append('\n');
        }
        return new SourceText(frontMatter, 2, closing + 1, body.ToString());
    }

    private static string? Decode(ReadOnlySpan<byte> bytes, ProblemLog problems)
    {
        var bom = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes[bom..]);
        }
        catch (DecoderFallbackException error)
        {
            var at = Math.Clamp(error.Index, 0, bytes.Length - bom);
            problems.Add(LineAt(bytes[bom..], at), ContentRules.FileNotText, "the file is not valid UTF-8 text; save it as UTF-8");
            return null;
        }
        var control = text.AsSpan().IndexOfAnyInRange('\0', '\b');
        if (control >= 0)
        {
            problems.Add(1 + text.AsSpan(0, control).Count('\n'), ContentRules.FileNotText, "the file holds binary control characters; it is not a text file");
            return null;
        }
        return text;
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int index) => 1 + bytes[..index].Count((byte)'\n');
}
