using System.Collections.Immutable;
using Leaflets.Content.Model;
using Leaflets.Content.Search;

namespace Leaflets.Content.Loading;

/// <summary>Turns a content tree into leaflets, enforcing every rule of the authoring format (see <see cref="ContentRules"/>).</summary>
public static class LeafletLoader
{
    /// <summary>
    /// Parses and validates every leaflet in <paramref name="files"/>. A leaflet with any error is left out
    /// and its problems are reported; the others load regardless. Never throws on bad content: each leaflet
    /// loads inside its own fault boundary, so even a fault of ours is that leaflet's <see cref="ContentRules.LoadFailed"/>.
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
            var leaflet = LoadContained($"{root}/leaflets/{id}", id, entries, leafletProblems);
            if (leaflet is not null && leafletProblems.All(p => p.Severity != ProblemSeverity.Error))
            {
                leaflets.Add(id, leaflet);
            }
            problems.AddRange(leafletProblems);
        }
        var ordered = problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ToImmutableArray();
        return new ContentLoadResult(leaflets.ToImmutable(), ordered);
    }

    private static Leaflet? LoadContained(string folder, string id, List<(string Relative, ContentFile File)> entries, List<ContentProblem> problems)
    {
        var current = new ProblemLog(folder + "/", problems);
        try
        {
            return LoadLeaflet(folder, id, entries, problems, log => current = log);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A fault of ours (a rule would have named a fault of the content): report it against the file being read.
            current.Add(1, ContentRules.LoadFailed, $"the leaflet could not be loaded ({error.GetType().Name}: {error.Message}); please report this file to the maintainers");
            return null;
        }
    }

    private static Leaflet? LoadLeaflet(string folder, string id, List<(string Relative, ContentFile File)> entries, List<ContentProblem> problems,
        Action<ProblemLog> reading)
    {
        if (!Slugs.IsLeafletId(id))
        {
            new ProblemLog(folder + "/", problems).Add(1, ContentRules.LeafletIdInvalid,
                $"leaflet folder '{Printable(id)}' is not a valid id: use {Slugs.LeafletIdRule}");
        }
        var sources = new Dictionary<LeafletVariant, ContentFile>();
        var refusedPlain = false;
        var images = ImmutableSortedDictionary.CreateBuilder<string, LeafletImage>(StringComparer.Ordinal);
        var imageNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (relative, file) in entries)
        {
            var log = new ProblemLog($"{folder}/{relative}", problems);
            reading(log);
            if (file.Refusal is { } refusal)
            {
                log.Add(1, refusal.Rule, refusal.Message);
                refusedPlain |= relative == LeafletVariant.Plain.FileName(); // present but refused: not also "missing"
                if (relative.StartsWith("images/", StringComparison.Ordinal))
                {
                    imageNames.Add(relative["images/".Length..]); // present but refused: not also "missing" where it is used
                }
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
        if (!sources.ContainsKey(LeafletVariant.Plain) && !refusedPlain)
        {
            new ProblemLog($"{folder}/{LeafletVariant.Plain.FileName()}", problems).Add(1, ContentRules.PlainMissing,
                $"leaflet '{id}' has no plain.md; the plain variant is required");
        }

        var documents = ImmutableSortedDictionary.CreateBuilder<LeafletVariant, LeafletDocument>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (variant, file) in sources.OrderBy(s => s.Key))
        {
            var log = new ProblemLog($"{folder}/{variant.FileName()}", problems);
            reading(log);
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
        if (!Slugs.IsFileName(fileName))
        {
            log.Add(1, ContentRules.ImageNameInvalid, $"'{Printable(fileName)}' cannot be served as a figure: name it with {Slugs.FileNameRule}");
            return;
        }
        if (file.Bytes.Length > ContentLimits.MaxImageBytes)
        {
            log.Add(1, ContentRules.FileTooLarge, $"'{fileName}' is {file.Bytes.Length} bytes; a figure may be at most {ContentLimits.MaxImageBytes} bytes");
            return;
        }
        var read = ImageReader.Read(file.Bytes.AsSpan());
        if (read.Image is not { } image)
        {
            log.Add(1, read.Rule!, $"'{fileName}' is refused: {read.Problem}");
            return;
        }
        images[fileName] = new LeafletImage(fileName, image.ContentType, file.Bytes, image.Width, image.Height);
    }

    /// <summary>A name as it can be shown on one line of a report: control characters escaped.</summary>
    private static string Printable(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
