using Leaflets.Content.Loading;
using Leaflets.Content.Model;

namespace Leaflets.Benchmarks;

/// <summary>
/// The real content folder, found by walking up to the repository root (the folder holding host.json).
/// BenchmarkDotNet runs each benchmark in a child process whose working directory is deep inside the
/// build output, so the walk starts from both the working directory and the assembly's folder.
/// </summary>
internal static class BenchmarkContent
{
    private static readonly Lazy<IReadOnlyDictionary<string, Leaflet>> Loaded = new(Load);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static IReadOnlyDictionary<string, Leaflet> Leaflets => Loaded.Value;

    /// <summary>Every leaflet and variant in content/, as "leaflet-id/variant-slug" (e.g. "cementoplasty/easy-read").</summary>
    public static IEnumerable<string> Cases()
        => Leaflets.Values.SelectMany(leaflet => leaflet.Variants.Keys.Select(variant => $"{leaflet.Id}/{variant.Slug()}"));

    public static (Leaflet Leaflet, LeafletVariant Variant) Resolve(string leafletCase)
    {
        var parts = leafletCase.Split('/', 2);
        if (parts.Length != 2 || !Leaflets.TryGetValue(parts[0], out var leaflet))
        {
            throw new ArgumentException($"No leaflet '{leafletCase}' in {RepositoryRoot}/content.", nameof(leafletCase));
        }
        if (!LeafletVariants.TryParse(parts[1], out var variant) || !leaflet.Variants.ContainsKey(variant))
        {
            throw new ArgumentException($"Leaflet '{parts[0]}' has no variant '{parts[1]}'.", nameof(leafletCase));
        }
        return (leaflet, variant);
    }

    private static IReadOnlyDictionary<string, Leaflet> Load()
    {
        var source = new FileContentSource(Path.Combine(RepositoryRoot, "content"));
        var files = source.ReadAllAsync(CancellationToken.None).GetAwaiter().GetResult();
        var result = LeafletLoader.Load(source.DisplayRoot, files);
        if (result.Leaflets.Count == 0)
        {
            var problems = string.Join(Environment.NewLine, result.Problems.Select(p => p.ToString()));
            throw new InvalidOperationException($"No leaflet loaded from {source.Root}.{Environment.NewLine}{problems}");
        }
        return result.Leaflets;
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "host.json")) && Directory.Exists(Path.Combine(folder.FullName, "content")))
                {
                    return folder.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException(
            $"No repository root (a folder with host.json and content/) above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}.");
    }
}
