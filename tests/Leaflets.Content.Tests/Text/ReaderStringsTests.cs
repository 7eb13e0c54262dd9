using System.Text;
using Leaflets.Content.Text;

namespace Leaflets.Content.Tests.Text;

public sealed class ReaderStringsTests
{
    [Fact]
    public void The_English_strings_file_loads_with_every_key_filled()
    {
        var english = StringsLibrary.Embedded.English;

        Assert.Equal("en", english.Language);
        Assert.All(AllStrings(english), pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"{pair.Key} is blank"));
    }

    [Fact]
    public void A_strings_file_missing_a_key_is_refused_naming_it()
    {
        var json = """{"language":"xx","leaflet":{},"print":{"pageOfPages":"Page {page} of {pages}"},"site":{"skipToContent":"Skip"}}""";

        var error = Assert.Throws<InvalidOperationException>(() => ReaderStrings.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "xx.json"));

        Assert.Contains("xx.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("aboutThisLeaflet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_strings_file_with_a_key_the_code_does_not_know_is_refused_naming_it()
    {
        var english = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src/Content/Text/Strings/en.json"));
        var json = english.Replace("\"language\": \"en\",", "\"language\": \"en\", \"pageTitel\": \"typo\",", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidOperationException>(() => ReaderStrings.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "en.json"));

        Assert.Contains("pageTitel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_replaces_each_placeholder_and_refuses_one_the_template_lacks()
    {
        Assert.Equal("Page 2 of 9", ReaderStrings.Fill("Page {page} of {pages}", ("page", "2"), ("pages", "9")));
        Assert.Throws<FormatException>(() => ReaderStrings.Fill("Page {page}", ("pages", "9")));
    }

    [Fact]
    public void Fill_puts_values_in_as_they_are_without_reading_placeholders_inside_them()
    {
        Assert.Equal("{year}. A publisher, 2006.", ReaderStrings.Fill("{title}. {publisher}, {year}.", ("title", "{year}"), ("publisher", "A publisher"), ("year", "2006")));
        Assert.Equal("Costs {pounds} pounds", ReaderStrings.Fill("Costs {pounds} pounds", ("pounds", "{pounds}")));
    }

    [Fact]
    public void FillAround_cuts_the_template_at_one_placeholder_and_fills_the_rest_on_both_sides()
    {
        Assert.Equal(("", ". A publisher, 2006."), ReaderStrings.FillAround("{title}. {publisher}, {year}.", "title", ("publisher", "A publisher"), ("year", "2006")));
        Assert.Equal(("Scan or go to ", ""), ReaderStrings.FillAround("Scan or go to {address}", "address"));
        Assert.Equal(("Ewch i ", " am 2006"), ReaderStrings.FillAround("Ewch i {address} am {year}", "address", ("year", "2006")));
        Assert.Throws<FormatException>(() => ReaderStrings.FillAround("Scan the code", "address"));
    }

    [Fact]
    public void Editing_one_word_of_the_strings_file_changes_its_version()
    {
        var english = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src/Content/Text/Strings/en.json"));
        var edited = english.Replace("About this leaflet", "About the leaflet", StringComparison.Ordinal);
        Assert.NotEqual(english, edited);

        var original = ReaderStrings.Parse(new MemoryStream(Encoding.UTF8.GetBytes(english)), "en.json");
        var changed = ReaderStrings.Parse(new MemoryStream(Encoding.UTF8.GetBytes(edited)), "en.json");

        Assert.Equal(StringsLibrary.Embedded.English.Version, original.Version);
        Assert.Matches("^[0-9a-f]{32}$", original.Version);
        Assert.NotEqual(original.Version, changed.Version);
    }

    /// <summary>Every string property, at any depth, by its path (for example Leaflet.AboutThisLeaflet).</summary>
    private static IEnumerable<KeyValuePair<string, string?>> AllStrings(object group, string prefix = "")
    {
        foreach (var property in group.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && !p.GetMethod!.IsStatic))
        {
            var value = property.GetValue(group);
            if (property.PropertyType == typeof(string))
            {
                yield return new(prefix + property.Name, (string?)value);
            }
            else if (value is not null && property.PropertyType.Namespace == typeof(ReaderStrings).Namespace)
            {
                foreach (var pair in AllStrings(value, prefix + property.Name + "."))
                {
                    yield return pair;
                }
            }
        }
    }
}
