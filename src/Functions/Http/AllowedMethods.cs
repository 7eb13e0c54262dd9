namespace Leaflets.Functions.Http;

/// <summary>Which methods the app's functions answer at a path, for the 405 that names them in <c>Allow</c>.</summary>
public static class AllowedMethods
{
    /// <summary>The methods of every route whose template matches <paramref name="path"/>; empty when none does.</summary>
    public static IReadOnlyList<string> At(string path) =>
        AppRoutes.Matching(path).Where(route => route.Methods is not null).SelectMany(route => route.Methods!).Distinct().ToList();
}
