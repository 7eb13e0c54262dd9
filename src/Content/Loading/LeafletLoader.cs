using System.Collections.Immutable;
using Leaflets.Content.Model;
using Leaflets.Content.Search;
using Leaflets.Content.Text;

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
        var (strings, stringsProblems) = StringsLoader.Load(displayRoot, files);
        var leaflets = Load(displayRoot, files, strings);
        // By file, then line: the order every report lists problems in.
        var problems = leaflets.Problems.Concat(stringsProblems).OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ToImmutableArray();
        return leaflets with { Problems = problems };
    }

    /// <summary>
    /// The leaflets alone (the strings files among <paramref name="files"/> are left to <see cref="StringsLoader"/>),
    /// each warned of the words <paramref name="strings"/> lack for its language. Given <paramref name="recorded"/>
    /// (a compiled snapshot's shell of one leaflet: its images' facts without their bytes, its documents' front matter),
    /// <paramref name="files"/> are that leaflet's Markdown alone, proved by the caller to be the very files the shell was
    /// made from, and its images are the shell's: its documents then have bodies but no content hash (it covers image
    /// bytes), which the caller takes from the snapshot. Their front matter is the shell's too, not parsed again: the same
    /// bytes give the same front matter, and reading it (YAML) was the largest single cost of loading a leaflet's bodies.
    /// </summary>
    public static ContentLoadResult Load(string displayRoot, IReadOnlyList<ContentFile> files, StringsLibrary strings,
        Leaflet? recorded = null)
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
            var leaflet = LoadContained($"{root}/leaflets/{id}", id, entries, leafletProblems, strings, recorded);
            if (leaflet is not null && leafletProblems.All(p => p.Severity != ProblemSeverity.Error))
            {
                leaflets.Add(id, leaflet);
            }
            problems.AddRange(leafletProblems);
        }
        var ordered = problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ToImmutableArray();
        return new ContentLoadResult(leaflets.ToImmutable(), ordered) { Strings = strings };
    }

    private static Leaflet? LoadContained(string folder, string id, List<(string Relative, ContentFile File)> entries, List<ContentProblem> problems,
        StringsLibrary strings, Leaflet? recorded)
    {
        var current = new ProblemLog(folder + "/", problems);
        try
        {
            return LoadLeaflet(folder, id, entries, problems, log => current = log, strings, recorded);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A fault of ours (a rule would have named a fault of the content): report it against the file being read.
            current.Add(1, ContentRules.LoadFailed, $"the leaflet could not be loaded ({error.GetType().Name}: {error.Message}); please report this file to the maintainers");
            return null;
        }
    }

    private static Leaflet? LoadLeaflet(string folder, string id, List<(string Relative, ContentFile File)> entries, List<ContentProblem> problems,
        Action<ProblemLog> reading, StringsLibrary strings, Leaflet? recorded)
    {
        if (!Slugs.IsLeafletId(id))
        {
            new ProblemLog(folder + "/", problems).Add(1, ContentRules.LeafletIdInvalid,
                $"leaflet folder '{Printable(id)}' is not a valid id: use {Slugs.LeafletIdRule}");
        }
        var sources = new Dictionary<LeafletVariant, ContentFile>();
        var translationSources = new SortedDictionary<(string Language, LeafletVariant Variant), (string Relative, ContentFile File)>(TranslationOrder.Instance);
        var refusedMain = new HashSet<LeafletVariant>();
        var images = ImmutableSortedDictionary.CreateBuilder<string, LeafletImage>(StringComparer.Ordinal);
        var imageNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, image) in recorded?.Images ?? ImmutableSortedDictionary<string, LeafletImage>.Empty)
        {
            images[name] = image;
            imageNames.Add(name);
        }
        foreach (var (relative, file) in entries)
        {
            var log = new ProblemLog($"{folder}/{relative}", problems);
            reading(log);
            if (file.Refusal is { } refusal)
            {
                log.Add(1, refusal.Rule, refusal.Message);
                if (MainVariantNamed(relative) is { } refused)
                {
                    refusedMain.Add(refused); // present but refused: not also "missing"
                }
                if (relative.StartsWith("images/", StringComparison.Ordinal))
                {
                    imageNames.Add(relative["images/".Length..]); // present but refused: not also "missing" where it is used
                }
                continue;
            }
            if (MainVariantNamed(relative) is { } found)
            {
                sources[found] = file;
            }
            else if (TranslationNamed(relative) is { } translation)
            {
                AddTranslation(translation, relative, file, log, translationSources);
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
                    $"{what} is not allowed in a leaflet folder; only plain.md, easy-read.md, their translations (such as plain.cy.md) and images/ may be there");
            }
        }
        if (!sources.ContainsKey(LeafletVariant.Plain) && !refusedMain.Contains(LeafletVariant.Plain))
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
            var document = DocumentLoader.Load(id, variant, translation: null, file, imageNames, images, log, used, strings, RecordedMetadata(recorded, log));
            if (document is not null)
            {
                documents.Add(variant, document);
            }
        }
        var translations = LoadTranslations(id, folder, translationSources, sources.Keys.Concat(refusedMain).ToHashSet(), documents,
            imageNames, images, problems, reading, used, strings, recorded);
        foreach (var name in imageNames.Where(n => !used.Contains(n)).Order(StringComparer.Ordinal))
        {
            new ProblemLog($"{folder}/images/{name}", problems).Add(1, ContentRules.ImageUnused,
                "no variant of this leaflet uses this image");
        }
        if (!documents.ContainsKey(LeafletVariant.Plain))
        {
            return null;
        }
        return new Leaflet(id, documents.ToImmutable(), images.ToImmutable()) { Translations = translations };
    }

    /// <summary>The front matter <paramref name="recorded"/> holds for the file <paramref name="log"/> reads, if any.</summary>
    private static LeafletMetadata? RecordedMetadata(Leaflet? recorded, ProblemLog log)
        => recorded?.AllDocuments.FirstOrDefault(document => string.Equals(document.SourcePath, log.Path, StringComparison.Ordinal))?.Metadata;

    private static LeafletVariant? MainVariantNamed(string relative) =>
        LeafletVariants.All.Where(v => v.FileName() == relative).Cast<LeafletVariant?>().FirstOrDefault();

    /// <summary>"plain.cy.md" is the plain variant in "cy"; the tag is whatever sits between the variant and ".md", checked later.</summary>
    private static (LeafletVariant Variant, string Language)? TranslationNamed(string relative)
    {
        foreach (var variant in LeafletVariants.All)
        {
            var prefix = variant.Slug() + ".";
            if (relative.StartsWith(prefix, StringComparison.Ordinal) && relative.EndsWith(".md", StringComparison.Ordinal)
                && relative.Length > prefix.Length + ".md".Length && !relative.Contains('/'))
            {
                return (variant, relative[prefix.Length..^".md".Length]);
            }
        }
        return null;
    }

    private static void AddTranslation((LeafletVariant Variant, string Language) translation, string relative, ContentFile file, ProblemLog log,
        SortedDictionary<(string Language, LeafletVariant Variant), (string Relative, ContentFile File)> translationSources)
    {
        if (!LanguageTags.IsWellFormed(translation.Language))
        {
            log.Add(1, ContentRules.TranslationLanguageInvalid,
                $"'{Printable(translation.Language)}' in '{Printable(relative)}' is not a BCP 47 language tag; name a translation like {translation.Variant.Slug()}.cy.md or {translation.Variant.Slug()}.pt-BR.md");
        }
        else if (translationSources.TryGetValue((translation.Language, translation.Variant), out var first))
        {
            log.Add(1, ContentRules.TranslationLanguageInvalid,
                $"'{relative}' is the same language as '{first.Relative}' (tags ignore case); keep one of them");
        }
        else
        {
            translationSources[(translation.Language, translation.Variant)] = (relative, file);
        }
    }

    /// <summary>
    /// Loads each translation against its main-language document, language by language. A translation of a variant
    /// with no main-language file, or in the main language itself, is an error; one whose main file failed to load is
    /// not loaded (that file's own errors already keep the leaflet out).
    /// </summary>
    private static ImmutableSortedDictionary<string, ImmutableSortedDictionary<LeafletVariant, LeafletDocument>> LoadTranslations(
        string id, string folder, SortedDictionary<(string Language, LeafletVariant Variant), (string Relative, ContentFile File)> sources,
        IReadOnlySet<LeafletVariant> mainFiles, ImmutableSortedDictionary<LeafletVariant, LeafletDocument>.Builder mainDocuments,
        IReadOnlySet<string> imageNames, IReadOnlyDictionary<string, LeafletImage> images, List<ContentProblem> problems,
        Action<ProblemLog> reading, HashSet<string> used, StringsLibrary strings, Leaflet? recorded)
    {
        var languages = new SortedDictionary<string, ImmutableSortedDictionary<LeafletVariant, LeafletDocument>.Builder>(LanguageTags.Comparer);
        foreach (var ((language, variant), (relative, file)) in sources)
        {
            var log = new ProblemLog($"{folder}/{relative}", problems);
            reading(log);
            if (!mainFiles.Contains(variant))
            {
                log.Add(1, ContentRules.TranslationWithoutMain,
                    $"'{relative}' translates {variant.FileName()}, which this leaflet does not have; add {variant.FileName()} in the leaflet's main language first");
                continue;
            }
            if (!mainDocuments.TryGetValue(variant, out var main))
            {
                continue;
            }
            if (LanguageTags.Comparer.Equals(language, main.Metadata.Language))
            {
                log.Add(1, ContentRules.TranslationLanguageMismatch,
                    $"'{relative}' is in '{language}', the language of {variant.FileName()} itself; a translation is in another language");
                continue;
            }
            if (DocumentLoader.Load(id, variant, new Translation(language, main), file, imageNames, images, log, used, strings,
                    RecordedMetadata(recorded, log)) is { } document)
            {
                if (!languages.TryGetValue(language, out var documents))
                {
                    languages[language] = documents = ImmutableSortedDictionary.CreateBuilder<LeafletVariant, LeafletDocument>();
                }
                documents.Add(variant, document);
            }
        }
        return languages.ToImmutableSortedDictionary(entry => entry.Key, entry => entry.Value.ToImmutable(), LanguageTags.Comparer);
    }

    /// <summary>Language, then variant: the order translations are read and reported in.</summary>
    private sealed class TranslationOrder : IComparer<(string Language, LeafletVariant Variant)>
    {
        public static readonly TranslationOrder Instance = new();

        public int Compare((string Language, LeafletVariant Variant) x, (string Language, LeafletVariant Variant) y)
        {
            var byLanguage = LanguageTags.Comparer.Compare(x.Language, y.Language);
            return byLanguage != 0 ? byLanguage : x.Variant.CompareTo(y.Variant);
        }
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
        images[fileName] = new LeafletImage(fileName, image.ContentType, file.Bytes, image.Width, image.Height) { LastModified = file.LastModified };
    }

    /// <summary>A name as it can be shown on one line of a report: control characters escaped.</summary>
    private static string Printable(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
