using System.Text;
using Leaflets.Content.Text;

namespace Leaflets.Content.Tests.Text;

public sealed class ReaderStringsTests
{
    [Fact]
    public void The_English_strings_file_loads_with_every_key_filled()
    {
        var english = ReaderStrings.English;

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
