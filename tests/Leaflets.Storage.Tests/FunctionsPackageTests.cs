using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace Leaflets.Storage.Tests;

/// <summary>What <c>dotnet publish -c Release</c> of the Functions app hands to Azure.</summary>
public sealed class FunctionsPackageTests : IClassFixture<FunctionsPackageTests.PublishedFunctions>
{
    private readonly PublishedFunctions _published;

    public FunctionsPackageTests(PublishedFunctions published) => _published = published;

    [Fact]
    public void The_package_has_the_host_configuration_with_an_empty_route_prefix()
    {
        var hostJson = Path.Combine(_published.Folder, "host.json");
        Assert.True(File.Exists(hostJson), "host.json is missing from " + _published.Folder);
        using var host = JsonDocument.Parse(File.ReadAllText(hostJson));
        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void The_package_lists_every_function_in_functions_metadata()
    {
        var metadata = Path.Combine(_published.Folder, "functions.metadata");
        Assert.True(File.Exists(metadata), "functions.metadata is missing from " + _published.Folder);
        using var functions = JsonDocument.Parse(File.ReadAllText(metadata));
        var names = functions.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("Health", names);
        Assert.All(functions.RootElement.EnumerateArray(), f => Assert.Equal("Leaflets.Functions.dll", f.GetProperty("scriptFile").GetString()));
    }

    [Fact]
    public void The_package_carries_the_worker_and_the_blob_storage_client()
    {
        Assert.True(File.Exists(Path.Combine(_published.Folder, "Leaflets.Functions.dll")));
        Assert.True(File.Exists(Path.Combine(_published.Folder, "Leaflets.Storage.dll")));
        Assert.True(File.Exists(Path.Combine(_published.Folder, "Azure.Storage.Blobs.dll")));
    }

    [Fact]
    public void The_package_carries_the_pdf_fonts_inside_the_content_assembly()
    {
        using var pe = new PEReader(File.OpenRead(Path.Combine(_published.Folder, "Leaflets.Content.dll")));
        var metadata = pe.GetMetadataReader();
        var embedded = metadata.ManifestResources
            .Select(handle => metadata.GetString(metadata.GetManifestResource(handle).Name))
            .ToHashSet(StringComparer.Ordinal);
        var fonts = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "Content", "Rendering", "Pdf", "Fonts"), "*.ttf")
            .Select(path => "Leaflets.Fonts." + Path.GetFileName(path))
            .ToList();

        Assert.Contains("Leaflets.Fonts.AtkinsonHyperlegible_400Regular.ttf", fonts);
        Assert.All(fonts, font => Assert.Contains(font, embedded));
    }

    [Theory]
    [InlineData("Leaflets.Functions.runtimeconfig.json")]
    public void The_package_runs_with_the_runtimes_culture_data_not_in_invariant_mode(string runtimeConfig)
        => AssertNotInvariant(Path.Combine(_published.Folder, runtimeConfig));

    [Fact]
    public void Leaflets_serve_runs_with_the_runtimes_culture_data_not_in_invariant_mode()
        => AssertNotInvariant(Path.Combine(AppContext.BaseDirectory, "leaflets.runtimeconfig.json"));

    /// <summary>
    /// Numbers on the site are written from ICU's data for the page's language (issue 11). The runtime reads this
    /// setting from the runtimeconfig beside the app; Azure's image and Debian both carry libicu.
    /// </summary>
    private static void AssertNotInvariant(string runtimeConfig)
    {
        Assert.True(File.Exists(runtimeConfig), runtimeConfig + " is missing");
        using var json = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(properties.TryGetProperty("System.Globalization.Invariant", out var invariant), "the runtimeconfig does not say");
        Assert.False(invariant.GetBoolean());
    }

    /// <summary>Publishes once for all the tests in this class, into a temporary folder.</summary>
    public sealed class PublishedFunctions : IDisposable
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("leaflets-functions-publish-").FullName;

        public PublishedFunctions()
        {
            var project = Path.Combine(RepositoryPaths.Root, "src", "Functions", "Leaflets.Functions.csproj");
            var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", Folder, "-nologo", "-v", "q"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet publish of src/Functions took more than 5 minutes.");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet publish of src/Functions failed ({process.ExitCode}):\n{output.Result}\n{errors.Result}");
            }
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
