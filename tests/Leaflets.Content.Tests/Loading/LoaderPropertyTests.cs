using CsCheck;
using Leaflets.Content.Loading;

namespace Leaflets.Content.Tests.Loading;

/// <summary>
/// Properties of the loader and the image reader over generated input. A failure prints the seed that reproduces it
/// (pass it as <c>seed:</c> to replay). Each property has a fixed iteration budget so it runs in a few seconds in CI.
/// </summary>
public class LoaderPropertyTests
{
    private static readonly byte[][] RealFigures = [.. Directory.GetFiles(
        Path.Combine(RepositoryPaths.Content, "leaflets", "cementoplasty", "images"), "*.png").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];

    [Fact]
    public void Generated_content_trees_load_without_throwing_and_every_problem_names_a_rule_and_a_line()
    {
        var (trees, loaded) = (0, 0);
        LeafletGen.ContentTree.Sample(files =>
        {
            var result = LeafletLoader.Load("content", files);
            trees++;
            loaded += result.Leaflets.Count > 0 ? 1 : 0;

            Assert.All(result.Problems, problem =>
            {
                Assert.Contains(problem.Rule, ContentRules.All);
                Assert.InRange(problem.Line, 1, int.MaxValue);
                Assert.StartsWith("content/leaflets/", problem.Path);
            });
            Assert.DoesNotContain(result.Problems, p => p.Rule == ContentRules.LoadFailed);
            foreach (var id in result.Leaflets.Keys)
            {
                Assert.DoesNotContain(result.Problems, p => p.Severity == ProblemSeverity.Error && p.Path.StartsWith($"content/leaflets/{id}/", StringComparison.Ordinal));
            }
        }, iter: 400, threads: 1);

        // Near-valid, not noise: a fair share of the trees (about a fifth when written) must get past every rule, or the property proves little.
        Assert.InRange(loaded, trees / 10, trees);
    }

    [Fact]
    public void Arbitrary_bytes_read_as_an_image_are_an_image_or_a_reason_never_an_exception()
    {
        Gen.Byte.Array[0, 300].Select(bytes => (byte[])[.. TestPng.Signature, .. bytes]).Sample(AssertReadsOrRefuses, iter: 3000, threads: 1);
        Gen.Byte.Array[0, 300].Sample(AssertReadsOrRefuses, iter: 1000, threads: 1);
    }

    [Fact]
    public void Real_figures_mutated_are_read_or_refused_never_an_exception()
    {
        var mutated = Gen.Select(Gen.Int[0, RealFigures.Length - 1], Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Int[0, 3],
            (figure, position, value, how) =>
            {
                var bytes = RealFigures[figure];
                var at = position % bytes.Length;
                return how switch
                {
                    0 => [.. bytes[..at], value, .. bytes[(at + 1)..]], // one byte changed
                    1 => bytes[..at], // cut short
                    2 => [.. bytes[..at], value, .. bytes[at..]], // one byte inserted
                    _ => [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + 1 + value)..]], // a run removed
                };
            });

        mutated.Sample(AssertReadsOrRefuses, iter: 1000, threads: 1);
        mutated.Select(TestPng.WithCrcsFixed).Sample(AssertReadsOrRefuses, iter: 1000, threads: 1);
    }

    [Fact]
    public void Generated_pngs_of_every_kind_are_read_or_refused_never_an_exception() =>
        LeafletGen.Image.Sample(AssertReadsOrRefuses, iter: 500, threads: 1);

    private static void AssertReadsOrRefuses(byte[] bytes)
    {
        var read = ImageReader.Read(bytes);

        Assert.True(read.Image is null != (read.Problem is null), "exactly one of an image or a reason");
        if (read.Image is { } image)
        {
            Assert.InRange((long)image.Width * image.Height, 1, ContentLimits.MaxImagePixels);
        }
        else
        {
            Assert.Contains(read.Rule, (string[])[ContentRules.ImageFormat, ContentRules.ImageTooLarge]);
        }
    }
}
