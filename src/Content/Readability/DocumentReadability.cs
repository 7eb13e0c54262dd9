using System.Runtime.CompilerServices;
using Leaflets.Content.Model;

namespace Leaflets.Content.Readability;

/// <summary>
/// The readability figures of a loaded variant, worked out once. Documents are immutable and live as long as
/// the catalog snapshot that holds them, so the figures are kept beside each document and go with it.
/// </summary>
public static class DocumentReadability
{
    private static readonly ConditionalWeakTable<LeafletDocument, ReadabilityReport> Reports = new();

    public static ReadabilityReport Of(LeafletDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Reports.GetValue(document, ReadabilityAnalyzer.Analyze);
    }
}
