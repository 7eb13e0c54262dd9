namespace Leaflets.Content;

/// <summary>
/// The words for a value outside those offered, shared by the HTTP query parameters and the command-line options so
/// that both say the same thing. The caller names the parameter as its reader typed it (<c>size</c>, <c>--size</c>).
/// </summary>
public static class ChoiceMessages
{
    public static string MustBeOneOf(string parameter, IEnumerable<string> allowed, string given, string? note = null)
        => $"{parameter} must be one of: {string.Join(", ", allowed)}{(note is null ? "" : $" ({note})")}; got '{given}'.";

    public static string MustBeBetween(string parameter, int min, int max, string given, string? note = null)
        => $"{parameter} must be a whole number from {min} to {max}{(note is null ? "" : $" ({note})")}; got '{given}'.";
}
