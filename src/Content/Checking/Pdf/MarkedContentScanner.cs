using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;

namespace Leaflets.Content.Checking.Pdf;

/// <summary>A painting operator found in a page's content stream, with the marked content that encloses it.</summary>
internal sealed record PaintedContent(string Operator, bool IsArtifact, int? Mcid);

/// <summary>The character codes of one text-showing operator, with the font resource (/F1 ...) selected by Tf.</summary>
internal sealed record ShownText(string FontResource, string Codes);

/// <summary>What one page's content streams hold: painted content, text shown, and artifacts mixed with real content.</summary>
internal sealed record PageContent(
    IReadOnlyList<PaintedContent> Painted,
    IReadOnlyList<ShownText> Text,
    int ArtifactsInsideTaggedContent,
    int TaggedContentInsideArtifacts);

/// <summary>
/// Walks a page's content streams keeping the stack of marked-content sequences (BDC/BMC ... EMC), and reports
/// every operator that paints something: text, images and forms, inline images, shadings and filled or stroked paths.
/// </summary>
internal static partial class MarkedContentScanner
{
    static readonly HashSet<string> PaintingOperators = new(StringComparer.Ordinal)
    {
        "Tj", "TJ", "'", "\"", "Do", "BI", "sh", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*",
    };

    sealed record Frame(string Tag, int? Mcid);

    public static PageContent Scan(PdfPage page)
    {
        var painted = new List<PaintedContent>();
        var text = new List<ShownText>();
        var font = "";
        int artifactsInsideTagged = 0, taggedInsideArtifacts = 0;
        var stack = new Stack<Frame>();
        var properties = PdfObjects.Dictionary(PdfObjects.Dictionary(page, "/Resources") ?? new PdfDictionary(), "/Properties");
        IReadOnlyList<CObject> pendingOperands = [];

        foreach (var op in ReadOperators(page))
        {
            var operands = op.Operands.Cast<CObject>().ToList();
            switch (op.Name)
            {
                case "Dictionary":
                    // PDFsharp's content parser emits an inline dictionary as a pseudo-operator that takes the
                    // operands read so far (the tag and the dictionary); the BDC that follows then has none.
                    pendingOperands = operands;
                    continue;
                case "BDC":
                    var bdcOperands = operands.Count > 0 ? operands : pendingOperands;
                    Enter(new Frame(TagOf(bdcOperands), McidOf(bdcOperands, properties)));
                    break;
                case "BMC":
                    Enter(new Frame(TagOf(operands), null));
                    break;
                case "Tf":
                    font = operands.OfType<CName>().FirstOrDefault()?.Name ?? "";
                    break;
                case "EMC":
                    if (stack.Count > 0)
                        stack.Pop();
                    break;
                default:
                    if (PaintingOperators.Contains(op.Name))
                    {
                        var isArtifact = stack.Any(frame => frame.Tag == "Artifact");
                        var mcid = stack.Select(frame => frame.Mcid).FirstOrDefault(id => id is not null);
                        painted.Add(new PaintedContent(op.Name, isArtifact, mcid));
                        foreach (var codes in StringsOf(operands))
                            text.Add(new ShownText(font, codes));
                    }
                    break;
            }
            pendingOperands = [];
        }
        return new PageContent(painted, text, artifactsInsideTagged, taggedInsideArtifacts);

        // Matterhorn 01-003 and 01-004: an artifact may not sit inside real content, nor real content inside an artifact.
        void Enter(Frame frame)
        {
            if (frame.Tag == "Artifact" && stack.Any(outer => outer.Mcid is not null))
                artifactsInsideTagged++;
            if (frame.Mcid is not null && stack.Any(outer => outer.Tag == "Artifact"))
                taggedInsideArtifacts++;
            stack.Push(frame);
        }
    }

    static IEnumerable<COperator> ReadOperators(PdfPage page)
    {
        var bytes = new MemoryStream();
        foreach (var item in PdfObjects.Items(page.Elements["/Contents"]))
        {
            if (PdfObjects.Dictionary(item) is { } stream)
            {
                bytes.Write(PdfObjects.StreamBytes(stream));
                bytes.WriteByte((byte)'\n');
            }
        }
        return Flatten(ContentReader.ReadContent(bytes.ToArray()));
    }

    static IEnumerable<COperator> Flatten(CSequence sequence)
    {
        foreach (var item in sequence)
        {
            if (item is COperator op)
                yield return op;
            else if (item is CSequence nested)
                foreach (var inner in Flatten(nested))
                    yield return inner;
        }
    }

    // PDFsharp's parser gives string operands as one char per byte; TJ wraps them in an array with kerning numbers.
    static IEnumerable<string> StringsOf(IEnumerable<CObject> operands) => operands.SelectMany(operand => operand switch
    {
        CString { CStringType: CStringType.String } shown => [shown.Value],
        CArray array => StringsOf(array),
        _ => Enumerable.Empty<string>(),
    });

    static string TagOf(IReadOnlyList<CObject> operands) =>
        operands.OfType<CName>().FirstOrDefault()?.Name.TrimStart('/') ?? "";

    static int? McidOf(IReadOnlyList<CObject> operands, PdfDictionary? properties)
    {
        foreach (var operand in operands.Skip(1))
        {
            if (operand is CString { CStringType: CStringType.Dictionary } inline && McidEntry().Match(inline.Value) is { Success: true } match)
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (operand is CName named && properties is not null && PdfObjects.Dictionary(properties, named.Name) is { } list)
                return PdfObjects.Integer(list.Elements["/MCID"]);
        }
        return null;
    }

    [GeneratedRegex(@"/MCID\s+(\d+)")]
    private static partial Regex McidEntry();
}
