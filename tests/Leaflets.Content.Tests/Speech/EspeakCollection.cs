namespace Leaflets.Content.Tests.Speech;

/// <summary>
/// The tests that speak with espeak-ng run one after another: the library is process-wide and serialised, so in
/// parallel they would only queue behind each other's gate, and a test of the engine's time limit would measure the
/// queue instead of the synthesis.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EspeakCollection
{
    public const string Name = "espeak-ng";
}
