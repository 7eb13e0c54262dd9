using Leaflets.Content.Readability;

namespace Leaflets.Content.Tests.Readability;

public class EnglishSyllableCounterTests
{
    [Theory]
    [InlineData("the", 1)]
    [InlineData("bone", 1)]
    [InlineData("table", 2)]
    [InlineData("people", 2)]
    [InlineData("called", 1)]
    [InlineData("handled", 2)]
    [InlineData("injected", 3)]
    [InlineData("places", 2)]
    [InlineData("takes", 1)]
    [InlineData("played", 1)]
    [InlineData("beyond", 2)]
    [InlineData("happy", 2)]
    [InlineData("being", 2)]
    [InlineData("lying", 2)]
    [InlineData("morning", 2)]
    [InlineData("safely", 2)]
    [InlineData("management", 3)]
    [InlineData("medicine", 3)]
    [InlineData("radiation", 4)]
    [InlineData("palliative", 4)]
    [InlineData("experience", 4)]
    [InlineData("patient", 2)]
    [InlineData("actual", 3)]
    [InlineData("language", 2)]
    [InlineData("question", 2)]
    [InlineData("technique", 2)]
    [InlineData("sequence", 2)]
    [InlineData("fluent", 2)]
    [InlineData("various", 3)]
    [InlineData("precious", 2)]
    [InlineData("continuous", 4)]
    [InlineData("percutaneous", 5)]
    [InlineData("osteoporosis", 6)]
    [InlineData("vertebroplasty", 5)]
    [InlineData("kyphoplasty", 4)]
    [InlineData("cementoplasty", 5)]
    [InlineData("anaesthetic", 4)]
    [InlineData("x-ray", 2)]
    [InlineData("Don't", 1)]
    [InlineData("(Bone,", 1)]
    public void Words_count_as_spoken(string word, int syllables)
        => Assert.Equal(syllables, EnglishSyllableCounter.Instance.Count(word));

    [Theory]
    [InlineData("9", 1)]
    [InlineData("7", 2)]
    [InlineData("10", 1)]
    [InlineData("24", 3)]
    [InlineData("90%", 2)]
    [InlineData("240", 6)]
    [InlineData("2006", 5)]
    [InlineData("1998", 5)]
    [InlineData("1,000", 3)]
    [InlineData("0300", 7)]
    public void Numbers_count_as_read_aloud(string number, int syllables)
        => Assert.Equal(syllables, EnglishSyllableCounter.Instance.Count(number));

    [Fact]
    public void Punctuation_alone_has_no_syllables()
        => Assert.Equal(0, EnglishSyllableCounter.Instance.Count("—"));
}
