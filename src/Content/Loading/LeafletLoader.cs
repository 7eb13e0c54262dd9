namespace Leaflets.Content.Loading;

/// <summary>Turns a content tree into leaflets, enforcing every rule of the authoring format.</summary>
public static class LeafletLoader
{
    /// <summary>
    /// Parses and validates every leaflet in <paramref name="files"/>. A leaflet with any error is left out
    /// and its problems are reported; the others load regardless.
    /// </summary>
    public static ContentLoadResult Load(string displayRoot, IReadOnlyList<ContentFile> files)
        => throw new NotImplementedException();
}
