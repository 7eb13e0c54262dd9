using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Leaflets.Content.Rendering.Braille;

/// <summary>
/// How a reader asks for braille: grade, and the page of their embosser or display in cells per line and lines per
/// page. Given as text by <c>?grade=&amp;cells=&amp;lines=</c> on the HTTP route and by <c>--grade --cells --lines</c> to
/// <c>leaflets render --format brf</c>, and parsed only here so both refuse the same values in the same words. The
/// page defaults to 40 × 25, the common embosser page; the limits cover small displays' and wide embossers' pages
/// while leaving a line room for an indent, a word and the page number.
/// </summary>
public sealed record BrailleChoice(BrailleGrade Grade = BrailleGrade.Contracted, int Cells = BrailleChoice.DefaultCells, int Lines = BrailleChoice.DefaultLines)
{
    public const string GradeParameter = "grade";
    public const string CellsParameter = "cells";
    public const string LinesParameter = "lines";

    public const int DefaultCells = 40;
    public const int MinCells = 20;
    public const int MaxCells = 50;
    public const int DefaultLines = 25;
    public const int MinLines = 10;
    public const int MaxLines = 50;

    /// <summary>
    /// The choice, or false and one sentence naming the bad parameter (as <paramref name="parameterName"/> writes it
    /// for its reader), what is allowed and the value given. Absent values take the defaults.
    /// </summary>
    public static bool TryParse(
        string? grade, string? cells, string? lines, Func<string, string> parameterName,
        [NotNullWhen(true)] out BrailleChoice? choice, [NotNullWhen(false)] out string? error)
    {
        (choice, error) = (null, null);
        var chosenGrade = BrailleGrade.Contracted;
        if (grade is not null)
        {
            if (!int.TryParse(grade, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !Enum.IsDefined((BrailleGrade)number))
            {
                error = ChoiceMessages.MustBeOneOf(parameterName(GradeParameter), ["1", "2"], grade, "1 uncontracted, 2 contracted");
                return false;
            }
            chosenGrade = (BrailleGrade)number;
        }
        if (!TryParseCount(cells, DefaultCells, MinCells, MaxCells, out var chosenCells))
        {
            error = ChoiceMessages.MustBeBetween(parameterName(CellsParameter), MinCells, MaxCells, cells!, "cells per line");
            return false;
        }
        if (!TryParseCount(lines, DefaultLines, MinLines, MaxLines, out var chosenLines))
        {
            error = ChoiceMessages.MustBeBetween(parameterName(LinesParameter), MinLines, MaxLines, lines!, "lines per page");
            return false;
        }
        choice = new BrailleChoice(chosenGrade, chosenCells, chosenLines);
        return true;
    }

    /// <summary>The tokens of the file name: the grade, and the page size when it is not the default 40 × 25.</summary>
    public IEnumerable<string> FileNameTokens => Cells == DefaultCells && Lines == DefaultLines
        ? [$"grade{(int)Grade}"]
        : [$"grade{(int)Grade}", $"{Cells}x{Lines}"];

    /// <summary>Everything the choice adds to a braille file's version.</summary>
    public string Key => $"grade{(int)Grade}|{Cells}x{Lines}";

    /// <summary>Throws <see cref="ArgumentException"/> for a choice outside those offered (made in code, not parsed).</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Grade) || Cells is < MinCells or > MaxCells || Lines is < MinLines or > MaxLines)
        {
            throw new ArgumentException($"Braille grade {(int)Grade} on {Cells} × {Lines} is not offered.");
        }
    }

    private static bool TryParseCount(string? text, int absent, int min, int max, out int count)
    {
        count = absent;
        return text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= min && count <= max);
    }
}
