using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Leaflets.Content.Checking.Pdf;

/// <summary>Small helpers over PDFsharp's object model, which leaves indirect references for us to follow.</summary>
internal static class PdfObjects
{
    public static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;

    public static PdfDictionary? Dictionary(PdfItem? item) => Resolve(item) as PdfDictionary;

    public static PdfDictionary? Dictionary(PdfDictionary owner, string key) => Dictionary(owner.Elements[key]);

    public static PdfArray? Array(PdfDictionary owner, string key) => Resolve(owner.Elements[key]) as PdfArray;

    /// <summary>The entries of a value that may be a single item or an array of items.</summary>
    public static IEnumerable<PdfItem> Items(PdfItem? item)
    {
        switch (Resolve(item))
        {
            case null:
                yield break;
            case PdfArray array:
                foreach (var element in array.Elements)
                    yield return element;
                break;
            case var single:
                yield return single;
                break;
        }
    }

    /// <summary>The name without its slash, or null when the entry is missing or not a name.</summary>
    public static string? Name(PdfDictionary owner, string key) =>
        Resolve(owner.Elements[key]) is PdfName name ? name.Value.TrimStart('/') : null;

    public static string? Text(PdfDictionary owner, string key) => Resolve(owner.Elements[key]) switch
    {
        PdfString text => text.Value,
        PdfStringObject text => text.Value,
        _ => null,
    };

    public static int? Integer(PdfItem? item) => Resolve(item) switch
    {
        PdfInteger number => number.Value,
        PdfIntegerObject number => number.Value,
        _ => null,
    };

    /// <summary>The identity of an indirect object, or null for a direct one.</summary>
    public static PdfObjectID? Identity(PdfItem? item) => item switch
    {
        PdfReference reference => reference.ObjectID,
        PdfObject { Reference: { } reference } => reference.ObjectID,
        _ => null,
    };

    public static byte[] StreamBytes(PdfDictionary owner) => owner.Stream?.UnfilteredValue ?? [];
}
