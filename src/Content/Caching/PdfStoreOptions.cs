namespace Leaflets.Content.Caching;

/// <summary>
/// Bound from the "PdfCache" section (env <c>PdfCache__TimeoutSeconds</c>, <c>PdfCache__BreakSeconds</c>): how long the
/// shared PDF store may take, and how long it is left alone after it fails. The store only saves work, so it is never
/// worth waiting for: a PDF renders in milliseconds.
/// </summary>
public sealed class PdfStoreOptions
{
    public const string SectionName = "PdfCache";

    /// <summary>The longest one read or write may take, retries included; then the PDF is rendered locally.</summary>
    public double TimeoutSeconds { get; set; } = 2;

    /// <summary>After a failure the store is skipped this long; then one request tries it again.</summary>
    public double BreakSeconds { get; set; } = 30;

    internal TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    internal TimeSpan Break => TimeSpan.FromSeconds(BreakSeconds);

    internal bool IsValid => TimeoutSeconds > 0 && BreakSeconds >= 0;

    internal const string InvalidMessage =
        "The PdfCache settings are out of range: TimeoutSeconds > 0 and BreakSeconds >= 0 (env PdfCache__TimeoutSeconds, PdfCache__BreakSeconds).";

    internal void Validate()
    {
        if (!IsValid)
        {
            throw new InvalidOperationException(InvalidMessage);
        }
    }
}
