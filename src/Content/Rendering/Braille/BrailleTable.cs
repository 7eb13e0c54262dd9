using Leaflets.Content.Model;

namespace Leaflets.Content.Rendering.Braille;

/// <summary>
/// The liblouis table list a document is translated with. Every list starts with <see cref="DisplayTable"/>, so each
/// language's braille comes out in the same North American braille ASCII that BRF files, embossers and braille
/// displays take (the Welsh tables' own display table is a different code). <see cref="Name"/> says in words what the
/// braille is, for logs and findings.
/// </summary>
public sealed record BrailleTable(string Name, string TableList)
{
    public const string DisplayTable = "en-us-brf.dis";

    /// <summary>The table files the lists name; their includes are shipped too (see the Content project file).</summary>
    public static IReadOnlyList<string> Files { get; } =
        [DisplayTable, "en-ueb-g1.ctb", "en-ueb-g2.ctb", "cy-cy-g1.utb", "cy-cy-g2.ctb"];

    /// <summary>
    /// Unified English Braille for English, liblouis's Welsh tables for Welsh; null for a language braille is not
    /// offered in (no table is shipped for it).
    /// </summary>
    public static BrailleTable? For(string language, BrailleGrade grade)
    {
        var primary = language.Split('-')[0];
        var number = (int)grade;
        if (string.Equals(primary, "en", StringComparison.OrdinalIgnoreCase))
        {
            return new($"Unified English Braille grade {number}", $"{DisplayTable},en-ueb-g{number}.ctb");
        }
        if (string.Equals(primary, "cy", StringComparison.OrdinalIgnoreCase))
        {
            return new($"Welsh braille grade {number}", $"{DisplayTable},{(grade == BrailleGrade.Contracted ? "cy-cy-g2.ctb" : "cy-cy-g1.utb")}");
        }
        return null;
    }

    /// <summary>Whether braille is offered in the language of <paramref name="document"/>.</summary>
    public static bool Offers(LeafletDocument document) => For(document.Metadata.Language, BrailleGrade.Contracted) is not null;
}

/// <summary>Grade 1 spells every word out; grade 2 uses contractions, as most adult braille readers read.</summary>
public enum BrailleGrade
{
    Uncontracted = 1,
    Contracted = 2,
}
