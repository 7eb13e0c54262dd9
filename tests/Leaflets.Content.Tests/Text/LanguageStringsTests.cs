using System.Text;
using Leaflets.Content.Loading;
using Leaflets.Content.Rendering;
using Leaflets.Content.Text;

namespace Leaflets.Content.Tests.Text;

public sealed class LanguageStringsTests
{
    [Theory]
    [InlineData("cy", "cy")]
    [InlineData("cy-GB", "cy")]
    [InlineData("CY-gb", "cy")]
    [InlineData("en-GB", "en")]
    [InlineData("pl", "en")]
    [InlineData("pl-PL", "en")]
    public void The_strings_of_a_language_tag_are_its_best_matching_file_else_English(string tag, string expected)
    {
        Assert.Equal(expected, StringsLibrary.Embedded.For(tag).Language);
    }

    [Fact]
    public void A_language_without_a_strings_file_gets_the_English_strings_themselves()
    {
        Assert.Same(StringsLibrary.Embedded.English, StringsLibrary.Embedded.For("pl"));
        Assert.Same(StringsLibrary.Embedded.English, StringsLibrary.Embedded.For("en-GB"));
    }

    [Fact]
    public void The_Welsh_strings_have_every_key_the_leaflet_page_the_PDF_and_the_site_use()
    {
        var welsh = StringsLibrary.Embedded.For("cy");

        Assert.Empty(welsh.EnglishFallbacks);
        Assert.Equal("cy", welsh.LanguageOf(s => s.Leaflet.Version));
        Assert.Equal("cy", welsh.LanguageOf(s => s.Site.SearchButton));
    }

    [Fact]
    public void A_translation_missing_a_key_takes_the_English_words_and_says_they_are_English()
    {
        var json = """{"language":"xx","leaflet":{"version":"Wersja"}}""";

        var strings = ReaderStrings.ParseWithEnglishFallback(new MemoryStream(Encoding.UTF8.GetBytes(json)), "xx.json");

        Assert.Equal("xx", strings.Language);
        Assert.Equal("Wersja", strings.Leaflet.Version);
        Assert.Equal("xx", strings.LanguageOf(s => s.Leaflet.Version));
        Assert.Equal("References", strings.Leaflet.References);
        Assert.Equal("en", strings.LanguageOf(s => s.Leaflet.References));
        Assert.Equal("en", strings.LanguageOf(s => s.Print.PageOfPages));
        Assert.Equal("en", strings.LanguageOf(s => s.Months));
        Assert.Contains("site.searchButton", strings.EnglishFallbacks);
        Assert.DoesNotContain("leaflet.version", strings.EnglishFallbacks);
    }

    [Fact]
    public void Check_warns_of_each_key_a_strings_file_lacks_naming_the_language_and_the_key()
    {
        var json = """{"language":"xx","leaflet":{"version":"Wersja"}}""";
        var strings = ReaderStrings.ParseWithEnglishFallback(new MemoryStream(Encoding.UTF8.GetBytes(json)), "xx.json");

        var warnings = FrontMatterReader.MissingStrings(strings, "xx-YY").ToList();

        Assert.Equal(strings.EnglishFallbacks.Count, warnings.Count);
        Assert.Contains("the 'xx' strings file has no 'leaflet.references': those words are shown in English, marked as English", warnings);
        Assert.DoesNotContain(warnings, warning => warning.Contains("'leaflet.version'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pl", 1)]
    [InlineData("cy", 0)]
    [InlineData("en-GB", 0)]
    [InlineData("en-US", 0)]
    public void Check_warns_once_for_a_language_with_no_strings_file_and_never_for_English_or_a_complete_file(string language, int expected)
    {
        var warnings = FrontMatterReader.MissingStrings(StringsLibrary.Embedded.For(language), language).ToList();

        Assert.Equal(expected, warnings.Count);
        Assert.All(warnings, warning => Assert.Contains($"no strings file for '{language}'", warning, StringComparison.Ordinal));
    }

    [Fact]
    public void A_string_is_marked_only_where_its_language_differs_from_the_pages()
    {
        var welsh = StringsLibrary.Embedded.For("cy");

        Assert.Null(welsh.LanguageInside(s => s.Leaflet.Version, "cy-GB"));
        Assert.Null(StringsLibrary.Embedded.English.LanguageInside(s => s.Leaflet.Version, "en-GB"));
        Assert.Equal("en", StringsLibrary.Embedded.English.LanguageInside(s => s.Leaflet.Version, "pl"));
    }

    [Fact]
    public void A_translation_with_a_key_the_code_does_not_know_is_refused_naming_it()
    {
        var json = """{"language":"xx","leaflet":{"versoin":"Wersja"}}""";

        var error = Assert.Throws<InvalidOperationException>(
            () => ReaderStrings.ParseWithEnglishFallback(new MemoryStream(Encoding.UTF8.GetBytes(json)), "xx.json"));

        Assert.Contains("xx.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("versoin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translation_that_does_not_say_its_language_is_refused_rather_than_called_English()
    {
        var json = """{"leaflet":{"version":"Wersja"}}""";

        var error = Assert.Throws<InvalidOperationException>(
            () => ReaderStrings.ParseWithEnglishFallback(new MemoryStream(Encoding.UTF8.GetBytes(json)), "xx.json"));

        Assert.Contains("language", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translation_that_does_not_name_its_language_is_not_given_English_as_its_name()
    {
        var json = """{"language":"xx","leaflet":{"version":"Wersja"}}""";

        var strings = ReaderStrings.ParseWithEnglishFallback(new MemoryStream(Encoding.UTF8.GetBytes(json)), "xx.json");

        Assert.Contains("languageName", strings.EnglishFallbacks);
        Assert.Equal("en", strings.LanguageOf(s => s.LanguageName));
        Assert.Null(StringsLibrary.Embedded.OwnNameOf("pl"));
        Assert.Equal("Cymraeg", StringsLibrary.Embedded.OwnNameOf("cy-GB"));
    }

    [Fact]
    public void The_languages_offered_are_those_with_a_strings_file_English_first_each_named_in_itself()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src/Content/Text/Strings"), "*.json")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal("en", StringsLibrary.Embedded.Languages[0]);
        Assert.Equal(files, StringsLibrary.Embedded.Languages.Order(StringComparer.Ordinal));
        Assert.Equal(["English", "Cymraeg"], new[] { "en", "cy" }.Select(tag => StringsLibrary.Embedded.For(tag).LanguageName));
    }

    [Fact]
    public void A_strings_file_without_twelve_months_is_refused()
    {
        var english = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src/Content/Text/Strings/en.json"));
        var json = english.Replace("\"November\", ", "", StringComparison.Ordinal);
        Assert.NotEqual(english, json);

        var error = Assert.ThrowsAny<Exception>(() => ReaderStrings.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "en.json"));

        Assert.Contains("11", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cy", "10 Mawrth 2026")]
    [InlineData("cy-GB", "10 Mawrth 2026")]
    [InlineData("en-GB", "10 March 2026")]
    [InlineData("pl", "10 March 2026")]
    public void Dates_are_written_with_the_month_names_of_the_readers_language(string language, string expected)
    {
        Assert.Equal(expected, ReaderDate.Format(new DateOnly(2026, 3, 10), StringsLibrary.Embedded.For(language)));
    }

    [Fact]
    public void Every_Welsh_month_differs_from_the_English_one()
    {
        var welsh = StringsLibrary.Embedded.For("cy").Months;

        Assert.Equal(12, welsh.Count);
        Assert.All(welsh.Zip(StringsLibrary.Embedded.English.Months), pair => Assert.NotEqual(pair.Second, pair.First));
    }
}
