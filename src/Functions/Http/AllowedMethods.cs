namespace Leaflets.Functions.Http;

/// <summary>Which methods the app's functions answer at a path, for the 405 that names them in <c>Allow</c>.</summary>
public static class AllowedMethods
{
    private static readonly Lazy<IReadOnlyList<FunctionRoute>> Routes = new(() =>
        FunctionRoute.Discover(typeof(AllowedMethods).Assembly, FunctionResponse.RoutePrefix)
            .Where(route => !route.IsCatchAll && route.Methods is not null)
            .ToList());

    /// <summary>The methods of every route whose template matches <paramref name="path"/>; empty when none does.</summary>
    public static IReadOnlyList<string> At(string path) =>
        Routes.Value.Where(route => route.Matches(path)).SelectMany(route => route.Methods!).Distinct().ToList();
}
