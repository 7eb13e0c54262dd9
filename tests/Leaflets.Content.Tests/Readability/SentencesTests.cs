using Leaflets.Content.Readability;

namespace Leaflets.Content.Tests.Readability;

public class SentencesTests
{
    private static List<Sentence> Split(string text, int line = 1) => Sentences.Of(new TextPassage(line, text)).ToList();

    [Fact]
    public void A_full_stop_before_a_capital_ends_a_sentence()
        => Assert.Equal(["It hurts.", "Call us now!", "Is it safe?"], Split("It hurts. Call us now! Is it safe?").Select(s => s.Text));

    [Fact]
    public void Abbreviations_decimals_and_initials_do_not_end_a_sentence()
    {
        Assert.Single(Split("Take 1.5 tablets, e.g. with food."));
        Assert.Single(Split("Ask Dr. Patel or Cherny N. about it."));
    }

    [Fact]
    public void A_sentence_that_starts_with_a_quotation_still_starts_a_new_sentence()
        => Assert.Equal(2, Split("She said yes. \"The pain is better,\" she added.").Count);

    [Fact]
    public void The_end_of_a_passage_ends_a_sentence_without_a_full_stop()
        => Assert.Equal("Bring your medicines", Assert.Single(Split("Bring your medicines")).Text);

    [Fact]
    public void A_sentence_on_a_later_line_of_a_paragraph_names_that_line()
    {
        var sentences = Split("The first sentence.\nThe second sentence\nruns on. The third.", line: 20);
        Assert.Equal([20, 21, 22], sentences.Select(s => s.Line));
    }

    [Fact]
    public void Words_are_tokens_with_a_letter_or_digit()
        => Assert.Equal("Pain|x-ray|9|out|of|10", string.Join("|", Sentences.WordsOf("Pain — x-ray: 9 out of 10 ...")));
}
