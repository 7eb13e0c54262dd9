using Leaflets.Content.Checking.Epub;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Epub;

namespace Leaflets.Content.Checking;

/// <summary>
/// Produces the EPUB of every leaflet document (each variant, each language), as the route would serve it today, and
/// checks it with <see cref="EpubStructureChecker"/>: each finding is an error on the document's source file.
/// </summary>
public sealed class EpubAccessibilityCheck(TimeProvider? time = null) : IContentCheck
{
    /// <summary>The EPUB could not be produced at all.</summary>
    public const string RenderRule = "epub-render";

    public IEnumerable<ContentProblem> Check(ContentLoadResult content)
    {
        var today = (time ?? TimeProvider.System).Today();
        foreach (var leaflet in content.Leaflets.Values)
        {
            foreach (var document in leaflet.AllDocuments)
            {
                foreach (var problem in CheckOne(leaflet, document, today, content.Strings))
                {
                    yield return problem;
                }
            }
        }
    }

    private static IEnumerable<ContentProblem> CheckOne(Leaflet leaflet, LeafletDocument document, DateOnly today, Text.StringsLibrary strings)
    {
        byte[] epub;
        try
        {
            epub = LeafletEpubRenderer.Render(EpubRequest.For(leaflet, document, today, strings));
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            return [new ContentProblem(document.SourcePath, 1, RenderRule, $"EPUB: could not be rendered: {error.Message}")];
        }
        return EpubStructureChecker.Check(epub, document.Metadata.Language)
            .Select(finding => new ContentProblem(document.SourcePath, 1, finding.Rule, $"EPUB: {finding.Message}"));
    }
}
