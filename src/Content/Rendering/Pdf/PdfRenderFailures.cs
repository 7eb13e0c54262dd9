namespace Leaflets.Content.Rendering.Pdf;

/// <summary>
/// A render that failed: an exception, the time limit or the page limit. <see cref="Reason"/> is safe to show a reader
/// (it says which limit was hit, never what an exception said); the exception itself is logged once, when it happens.
/// </summary>
public sealed class PdfRenderFailedException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason { get; } = reason;
}

/// <summary>Every render slot is taken and the queue is full: try again after <see cref="RetryAfter"/>.</summary>
public sealed class PdfRenderBusyException() : Exception("Every render slot is busy and the render queue is full.")
{
    /// <summary>A render takes milliseconds, so a full queue has drained within about a second.</summary>
    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(1);
}
