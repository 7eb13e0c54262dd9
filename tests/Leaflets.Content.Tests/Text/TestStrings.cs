using System.Collections.Immutable;
using System.Text;
using Leaflets.Content.Loading;
using Leaflets.Content.Text;

namespace Leaflets.Content.Tests.Text;

/// <summary>
/// A strings library with content-root strings files written by a test (test data, words we made up), made by the
/// loader the service uses, which must find nothing wrong with them.
/// </summary>
internal static class TestStrings
{
    public static StringsLibrary With(params (string Tag, string Json)[] files)
    {
        var (library, problems) = StringsLoader.Load("content", [.. files.Select(file => new ContentFile(
            $"{StringsLoader.Folder}{file.Tag}.json", [.. Encoding.UTF8.GetBytes(file.Json)]))]);
        Assert.Empty(problems);
        return library;
    }
}
