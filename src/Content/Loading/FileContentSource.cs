using System.Collections.Immutable;

namespace Leaflets.Content.Loading;

/// <summary>Reads the content tree from a folder. Only files below the root are ever read.</summary>
public sealed class FileContentSource(string root) : IContentSource
{
    public string Root { get; } = Path.GetFullPath(root);

    public string DisplayRoot { get; } = root.TrimEnd('/', '\\');

    public async Task<IReadOnlyList<ContentFile>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var leaflets = Path.Combine(Root, "leaflets");
        if (!Directory.Exists(leaflets))
        {
            throw new DirectoryNotFoundException($"The content folder '{DisplayRoot}' has no 'leaflets' folder (looked in {leaflets}).");
        }

        var files = new List<ContentFile>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var path in Directory.EnumerateFiles(leaflets, "*", options).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Root, path).Replace('\\', '/');
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            files.Add(new ContentFile(relative, ImmutableArray.Create(bytes)));
        }
        return files;
    }
}
