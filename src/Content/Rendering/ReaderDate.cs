using System.Globalization;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering;

/// <summary>
/// Dates as a reader says them ("15 February 2021", "10 Mawrth 2026"), the same on the web page and on paper: day,
/// month's name from the strings of the reader's language, year.
/// </summary>
internal static class ReaderDate
{
    public static string Format(DateOnly date, ReaderStrings words)
        => string.Create(CultureInfo.InvariantCulture, $"{date.Day} {words.Months[date.Month - 1]} {date.Year}");
}
