using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Leaflets.Content.Model;

namespace Leaflets.Content.Loading;

/// <summary>Turns a content tree into leaflets, enforcing every rule of the authoring format (see <see cref="ContentRules"/>).</summary>
public static partial class LeafletLoader
{
    public const int MaxIdLength = 100;

    /// <summary>
    /// Parses and validates every leaflet in <paramref name="files"/>. A leaflet with any error is left out
    /// and its problems are reported; the others load regardless. Never throws on bad content.
    /// </summary>
    public static ContentLoadResult Load(string displayRoot, IReadOnlyList<ContentFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var root = displayRoot.TrimEnd('/', '\\');
        var problems = new List<ContentProblem>();
        var folders = new SortedDictionary<string, List<(string Relative, ContentFile File)>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var segments = file.Path.Split('/');
            if (segments.Length < 2 || segments[0] != "leaflets")
            {
                continue; // the loader owns leaflets/ only
            }
            if (segments.Length == 2)
            {
                if (!segments[1].StartsWith('.'))
                {
                    new ProblemLog($"{root}/{file.Path}", problems).Add(1, ContentRules.LayoutUnexpectedFile,
                        $"'{segments[1]}' is not allowed directly in leaflets/; each leaflet is a folder leaflets/<id>/");
                }
                continue;
            }
            if (!folders.TryGetValue(segments[1], out var entries))
            {
                folders[segments[1]] = entries = [];
            }
            entries.Add((string.Join('/', segments[2..]), file));
        }

        var leaflets = ImmutableSortedDictionary.CreateBuilder<string, Leaflet>(StringComparer.Ordinal);
        foreach (var (id, entries) in folders)
        {
            var leafletProblems = new List<ContentProblem>();
            var leaflet = LoadLeaflet($"{root}/leaflets/{id}", id, entries, leafletProblems);
            if (leaflet is not null && leafletProblems.All(p => p.Severity != ProblemSeverity.Error))
            {
                leaflets.Add(id, leaflet);
            }
            problems.AddRange(leafletProblems);
        }
        var ordered = problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ToImmutableArray();
        return new ContentLoadResult(leaflets.ToImmutable(), ordered);
    }

    private static Leaflet? LoadLeaflet(string folder, string id, List<(string Relative, ContentFile File)> entries, List<ContentProblem> problems)
    {
        if (id.Length > MaxIdLength || !IdPattern().IsMatch(id))
        {
            new ProblemLog(folder + "/", problems).Add(1, ContentRules.LeafletIdInvalid,
                $"leaflet folder '{id}' is not a valid id: use lowercase letters, digits and single '-' between words, at most {MaxIdLength} characters");
        }
        var sources = new Dictionary<LeafletVariant, ContentFile>();
        var images = ImmutableSortedDictionary.CreateBuilder<string, LeafletImage>(StringComparer.Ordinal);
        var imageNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (relative, file) in entries)
        {
            var log = new ProblemLog($"{folder}/{relative}", problems);
            if (file.Refusal is { } refusal)
            {
                log.Add(1, refusal.Rule, refusal.Message);
                continue;
            }
            var variant = LeafletVariants.All.Where(v => v.FileName() == relative).Cast<LeafletVariant?>().FirstOrDefault();
            if (variant is { } found)
            {
                sources[found] = file;
            }
            else if (relative.StartsWith("images/", StringComparison.Ordinal) && relative.Count(c => c == '/') == 1)
            {
                ReadImage(relative["images/".Length..], file, log, images, imageNames);
            }
            else
            {
                var top = relative.Split('/')[0];
                var what = relative.Contains('/') && top != "images" ? $"folder '{top}/'" : $"file '{relative}'";
                log.Add(1, ContentRules.LayoutUnexpectedFile,
                    $"{what} is not allowed in a leaflet folder; only plain.md, easy-read.md and images/ may be there");
            }
        }
        if (!sources.ContainsKey(LeafletVariant.Plain))
        {
            new ProblemLog($"{folder}/{LeafletVariant.Plain.FileName()}", problems).Add(1, ContentRules.PlainMissing,
                $"leaflet '{id}' has no plain.md; the plain variant is required");
        }

        var documents = ImmutableSortedDictionary.CreateBuilder<LeafletVariant, LeafletDocument>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (variant, file) in sources.OrderBy(s => s.Key))
        {
            var log = new ProblemLog($"{folder}/{variant.FileName()}", problems);
            var document = DocumentLoader.Load(id, variant, file, imageNames, images, log, used);
            if (document is not null)
            {
                documents.Add(variant, document);
            }
        }
        foreach (var name in imageNames.Where(n => !used.Contains(n)).Order(StringComparer.Ordinal))
        {
            new ProblemLog($"{folder}/images/{name}", problems).Add(1, ContentRules.ImageUnused,
                "no variant of this leaflet uses this image");
        }
        return documents.ContainsKey(LeafletVariant.Plain) ? new Leaflet(id, documents.ToImmutable(), images.ToImmutable()) : null;
    }

    private static void ReadImage(string fileName, ContentFile file, ProblemLog log,
        ImmutableSortedDictionary<string, LeafletImage>.Builder images, HashSet<string> imageNames)
    {
        if (Path.GetExtension(fileName).Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            return; // a drawing's source beside its PNG; never served as a figure
        }
        if (!ImagePaths.IsRaster(fileName))
        {
            log.Add(1, ContentRules.LayoutUnexpectedFile, $"'{fileName}' is not allowed in images/: figures are PNG or JPEG (an SVG source may sit beside its PNG)");
            return;
        }
        imageNames.Add(fileName);
        if (ImageHeader.Read(file.Bytes.AsSpan()) is not { } header)
        {
            log.Add(1, ContentRules.ImageFormat, $"'{fileName}' is not a readable PNG or JPEG image (its first bytes are not a PNG or JPEG header)");
            return;
        }
        images[fileName] = new LeafletImage(fileName, header.ContentType, file.Bytes, header.Width, header.Height);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
