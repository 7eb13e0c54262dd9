using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Buffers.Binary;
using Leaflets.Content.Rendering.Audio;
using Leaflets.Content.Rendering.Braille;

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

    [Fact]
    public void The_package_carries_liblouis_its_licence_and_every_table_the_braille_route_uses_with_all_they_include()
    {
        var folder = Path.Combine(_published.Folder, BrailleInstall.FolderName);
        var library = Path.Combine(folder, "liblouis.so.20");
        Assert.True(File.Exists(library), "liblouis.so.20 is missing from " + folder);
        // A real shared object, not a placeholder: the ELF magic number.
        Assert.Equal([0x7f, (byte)'E', (byte)'L', (byte)'F'], File.ReadAllBytes(library)[..4]);
        Assert.Contains("GNU Lesser General Public", File.ReadAllText(Path.Combine(folder, "COPYRIGHT")), StringComparison.Ordinal);
        Assert.StartsWith("                   GNU LESSER GENERAL PUBLIC LICENSE", File.ReadAllText(Path.Combine(folder, "LGPL-3")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "GPL-3")), "the LGPL's full text refers to the GPL's");

        var tables = Path.Combine(folder, "tables");
        var pending = new Queue<string>(BrailleTable.Files);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var table))
        {
            if (!seen.Add(table))
            {
                continue;
            }
            var path = Path.Combine(tables, table);
            Assert.True(File.Exists(path), $"{table} is missing from {tables}");
            foreach (var line in File.ReadLines(path))
            {
                var words = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (words is ["include", var included, ..])
                {
                    pending.Enqueue(included);
                }
            }
        }
        Assert.Equal(seen.Order(StringComparer.Ordinal), Directory.GetFiles(tables).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_package_carries_espeak_ng_with_every_library_it_loads_but_glibc_in_an_order_that_loads_the_English_and_Welsh_voices_and_their_licences()
    {
        var folder = Path.Combine(_published.Folder, EspeakInstall.FolderName);
        var lib = Path.Combine(folder, "lib");
        var order = File.ReadAllLines(Path.Combine(lib, EspeakInstall.LoadOrderFileName)).Where(line => line.Length > 0).Select(line => Path.GetFileName(line)!).ToList();
        Assert.Equal("libespeak-ng.so.1", order[^1]);
        Assert.Equal(order.Append(EspeakInstall.LoadOrderFileName).Order(StringComparer.Ordinal), Directory.GetFiles(lib).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // Each library needs only glibc or libraries loaded before it, so the loader finds every one already loaded.
        string[] glibc = ["libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2"];
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var needed in ElfNeeded(File.ReadAllBytes(Path.Combine(lib, order[i]))))
            {
                Assert.True(glibc.Contains(needed) || order.Take(i).Contains(needed), $"{order[i]} needs {needed}, which is neither glibc's nor loaded before it");
            }
        }

        var data = Path.Combine(folder, "espeak-ng-data");
        Assert.Equal(EspeakInstall.DataFiles.Order(StringComparer.Ordinal),
            Directory.GetFiles(data, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(data, path)).Order(StringComparer.Ordinal));

        var licences = Path.Combine(folder, "licences");
        Assert.Contains("GPL-3", File.ReadAllText(Path.Combine(licences, "libespeak-ng1.copyright")), StringComparison.Ordinal);
        Assert.Contains("GNU GENERAL PUBLIC LICENSE", File.ReadAllText(Path.Combine(licences, "GPL-3")), StringComparison.Ordinal);
        Assert.True(Directory.GetFiles(licences, "*.copyright").Length >= 20, "a copyright file for each shipped package");
    }

    /// <summary>The sonames an ELF64 little-endian shared object names as DT_NEEDED, read from its dynamic segment.</summary>
    private static List<string> ElfNeeded(byte[] elf)
    {
        Assert.Equal([0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1], elf[..6]);
        var programHeaders = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x20));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x36));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x38));
        var segments = Enumerable.Range(0, count).Select(i => elf.AsSpan(programHeaders + i * entrySize, entrySize).ToArray()).ToList();
        long FileOffset(ulong address)
        {
            foreach (var segment in segments.Where(s => BinaryPrimitives.ReadUInt32LittleEndian(s) == 1)) // PT_LOAD
            {
                var offset = BinaryPrimitives.ReadUInt64LittleEndian(segment.AsSpan(8));
                var virtualAddress = BinaryPrimitives.ReadUInt64LittleEndian(segment.AsSpan(16));
                var size = BinaryPrimitives.ReadUInt64LittleEndian(segment.AsSpan(32));
                if (address >= virtualAddress && address < virtualAddress + size)
                {
                    return (long)(address - virtualAddress + offset);
                }
            }
            throw new InvalidDataException($"address {address:x} is in no loaded segment");
        }
        var dynamic = segments.Single(s => BinaryPrimitives.ReadUInt32LittleEndian(s) == 2); // PT_DYNAMIC
        var start = (int)BinaryPrimitives.ReadUInt64LittleEndian(dynamic.AsSpan(8));
        var entries = new List<(long Tag, ulong Value)>();
        for (var at = start; ; at += 16)
        {
            var tag = BinaryPrimitives.ReadInt64LittleEndian(elf.AsSpan(at));
            if (tag == 0)
            {
                break;
            }
            entries.Add((tag, BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(at + 8))));
        }
        var strings = FileOffset(entries.Single(e => e.Tag == 5).Value); // DT_STRTAB
        return [.. entries.Where(e => e.Tag == 1).Select(e => // DT_NEEDED
        {
            var name = elf.AsSpan((int)(strings + (long)e.Value));
            return System.Text.Encoding.ASCII.GetString(name[..name.IndexOf((byte)0)]);
        })];
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
