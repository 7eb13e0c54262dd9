using System.Globalization;
using Leaflets.Content.Text;

namespace Leaflets.Content.Rendering;

/// <summary>
/// Dates as a reader says them ("15 February 2021", "10 Mawrth 2026"), the same on the web page and on paper: day,
/// in the order and with the month names of the strings of the reader's language.
/// </summary>
internal static class ReaderDate
{
    public static string Format(DateOnly date, ReaderStrings words)
        => ReaderStrings.Fill(words.Date, ("day", date.Day.ToString(CultureInfo.InvariantCulture)),
            ("month", words.Months[date.Month - 1]), ("year", date.Year.ToString(CultureInfo.InvariantCulture)));
}
