using Leaflets.Content.Readability;

namespace Leaflets.Content.Tests.Readability;

public class LanguageSyllableCounterTests
{
    [Theory]
    [InlineData("médico", 3)]
    [InlineData("paciente", 3)]
    [InlineData("ciudad", 2)]
    [InlineData("buey", 1)]
    [InlineData("día", 2)]
    [InlineData("reír", 2)]
    [InlineData("leer", 2)]
    [InlineData("poeta", 3)]
    [InlineData("aéreo", 4)]
    [InlineData("cirugía", 4)]
    [InlineData("anestesia", 4)]
    [InlineData("guerra", 2)]
    [InlineData("que", 1)]
    [InlineData("pingüino", 3)]
    [InlineData("hoy", 1)]
    [InlineData("muy", 1)]
    [InlineData("y", 1)]
    [InlineData("mayo", 2)]
    [InlineData("Tome", 2)]
    [InlineData("(Después,", 2)]
    public void Spanish_words_keep_diphthongs_together_and_split_two_strong_vowels(string word, int syllables)
        => Assert.Equal(syllables, SpanishSyllableCounter.Instance.Count(word));

    [Theory]
    [InlineData("Ärztin", 2)]
    [InlineData("Untersuchung", 4)]
    [InlineData("Ende", 2)]
    [InlineData("Seite", 2)]
    [InlineData("Feuer", 2)]
    [InlineData("bauen", 2)]
    [InlineData("Bayern", 2)]
    [InlineData("Seele", 2)]
    [InlineData("Kaffee", 2)]
    [InlineData("sieht", 1)]
    [InlineData("Krankenhaus", 3)]
    [InlineData("Narkose", 3)]
    [InlineData("Theater", 3)]
    [InlineData("Beatmung", 3)]
    [InlineData("Operation", 5)]
    [InlineData("Patient", 3)]
    [InlineData("dient", 1)]
    [InlineData("Quelle", 2)]
    public void German_words_count_diphthongs_as_one_vowel_and_every_e(string word, int syllables)
        => Assert.Equal(syllables, GermanSyllableCounter.Instance.Count(word));

    [Theory]
    [InlineData("médecin", 3)]
    [InlineData("hôpital", 3)]
    [InlineData("l'hôpital", 3)]
    [InlineData("porte", 1)]
    [InlineData("portes", 1)]
    [InlineData("elle", 1)]
    [InlineData("le", 1)]
    [InlineData("les", 1)]
    [InlineData("que", 1)]
    [InlineData("oiseau", 2)]
    [InlineData("aujourd'hui", 3)]
    [InlineData("peut-être", 2)]
    [InlineData("idée", 2)]
    [InlineData("créée", 2)]
    [InlineData("poésie", 3)]
    [InlineData("réanimation", 5)]
    [InlineData("opération", 4)]
    [InlineData("anesthésie", 4)]
    [InlineData("infirmière", 3)]
    [InlineData("patient", 2)]
    [InlineData("naïf", 2)]
    [InlineData("Noël", 2)]
    [InlineData("voyage", 2)]
    [InlineData("yeux", 1)]
    [InlineData("guérir", 2)]
    public void French_words_count_as_spoken_with_glides_and_silent_final_e(string word, int syllables)
        => Assert.Equal(syllables, FrenchSyllableCounter.Instance.Count(word));

    [Theory]
    [InlineData("24", 2)]
    [InlineData("5", 1)]
    [InlineData("mg", 1)]
    [InlineData("—", 0)]
    public void Numbers_count_a_syllable_a_digit_and_letters_without_a_vowel_count_one(string token, int syllables)
    {
        Assert.Equal(syllables, SpanishSyllableCounter.Instance.Count(token));
        Assert.Equal(syllables, GermanSyllableCounter.Instance.Count(token));
        Assert.Equal(syllables, FrenchSyllableCounter.Instance.Count(token));
    }
}
