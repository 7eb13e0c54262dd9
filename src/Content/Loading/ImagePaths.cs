using Leaflets.Content.Search;

namespace Leaflets.Content.Loading;

/// <summary>
/// Checks a figure's path against the layout: a file directly inside the leaflet's own images/ folder, named as the
/// image route accepts (<see cref="Slugs.IsFileName"/>, the one rule for both), so whatever loads can be served.
/// </summary>
internal static class ImagePaths
{
    private static readonly string[] RasterExtensions = [".png", ".jpg", ".jpeg"];

    /// <summary>Returns the image's file name when the path is valid and the file exists; otherwise reports why not.</summary>
    public static string? Check(string url, IReadOnlySet<string> imageFiles, ProblemLog problems, int line)
    {
        string? why = url switch
        {
            "" => "the image has no path",
            _ when url.Contains("://", StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal)
                || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) => "is a URL; images must be files in the leaflet's images/ folder",
            _ when url.Contains('\\') => "uses backslashes; write paths with '/', e.g. images/spine.png",
            _ when url.StartsWith('/') || (url.Length > 1 && url[1] == ':') => "is absolute; write it relative to the leaflet folder, e.g. images/spine.png",
            _ when url.Split('/').Contains("..") => "climbs out with '..'; images must be in the leaflet's own images/ folder",
            _ when !url.StartsWith("images/", StringComparison.Ordinal) || url.Count(c => c == '/') != 1 || url.EndsWith('/')
                => "is not a file directly inside images/; write images/<file>",
            _ => null,
        };
        if (why is not null)
        {
            problems.Add(line, ContentRules.ImagePathInvalid, url.Length == 0 ? why + "; write images/<file>" : $"image path '{url}' {why}");
            return null;
        }
        var fileName = url["images/".Length..];
        if (!Slugs.IsFileName(fileName))
        {
            problems.Add(line, ContentRules.ImagePathInvalid, $"image path '{url}' names a file that cannot be served: name it with {Slugs.FileNameRule}");
            return null;
        }
        if (!RasterExtensions.Contains(Path.GetExtension(fileName).ToLowerInvariant()))
        {
            problems.Add(line, ContentRules.ImageFormat, $"image '{url}' must be a PNG or JPEG file (.png, .jpg or .jpeg)");
            return null;
        }
        if (!imageFiles.Contains(fileName))
        {
            problems.Add(line, ContentRules.ImageMissing, $"image '{url}' does not exist in this leaflet's images/ folder");
            return null;
        }
        return fileName;
    }

    public static bool IsRaster(string fileName) => RasterExtensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());
}
