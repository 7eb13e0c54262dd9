namespace Leaflets.Content.Readability;

/// <summary>
/// Counts the syllables of one word as <see cref="Sentences"/> splits it (punctuation may cling to it), the way a
/// reading-ease formula for that language counts them. Each formula was fitted to its own language's syllables, so
/// each language has its own counter and a formula is only ever fed by the counter made for it.
/// </summary>
internal interface ISyllableCounter
{
    int Count(string token);
}
