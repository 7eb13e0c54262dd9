using System.Globalization;
using Leaflets.Content.Rendering.Site;
using Leaflets.Content.Text;

namespace Leaflets.Content.Tests.Text;

/// <summary>
/// The service runs with the runtime's culture data (ICU), not in invariant mode (issue 11): numbers shown to readers
/// are written as their language writes them, and the months in each strings file can be checked against ICU's.
/// </summary>
public sealed class GlobalizationTests
{
    [Fact]
    public void The_runtime_has_culture_data_for_Welsh_so_it_is_not_in_invariant_mode()
    {
        Assert.False(AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant,
            "System.Globalization.Invariant is on: Directory.Build.props must keep InvariantGlobalization false.");

        Assert.Equal("Cymraeg", CultureInfo.GetCultureInfo("cy").NativeName);
    }

    [Theory]
    [MemberData(nameof(StringsLanguages))]
    public void Every_strings_file_names_the_months_as_the_culture_data_does(string language)
    {
        var months = CultureInfo.GetCultureInfo(language).DateTimeFormat.MonthGenitiveNames[..12];

        // Compared ignoring case: a language may capitalise a month inside a date where ICU's list does not.
        Assert.Equal(months, StringsLibrary.Embedded.For(language).Months, StringComparer.Create(CultureInfo.GetCultureInfo(language), ignoreCase: true));
    }

    [Theory]
    [InlineData("en", "10,000")]
    [InlineData("cy", "10,000")]
    [InlineData("es", "10.000")]
    [InlineData("de", "10.000")]
    public void A_count_on_a_site_page_is_grouped_as_the_pages_language_writes_it(string language, string expected)
    {
        Assert.Equal(expected, new SiteWords(StringsLibrary.Embedded, language).Number(10_000));
    }

    [Fact]
    public void A_count_on_a_French_page_is_grouped_with_the_french_narrow_space()
    {
        Assert.Equal("10\u202F000", new SiteWords(StringsLibrary.Embedded, "fr").Number(10_000));
    }

    public static TheoryData<string> StringsLanguages() => [.. StringsLibrary.Embedded.Languages];
}
