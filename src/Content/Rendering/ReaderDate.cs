using System.Globalization;

namespace Leaflets.Content.Rendering;

/// <summary>Dates as a reader says them ("15 February 2021"), the same on the web page and on paper.</summary>
internal static class ReaderDate
{
    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
