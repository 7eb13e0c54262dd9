using System.Diagnostics;
using System.Globalization;
using System.Text;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Audio;
using Leaflets.Content.Text;

namespace Leaflets.Benchmarks;

/// <summary>
/// Not BenchmarkDotNet: a spoken leaflet takes seconds, so a short fixed run says enough. Each document (every variant,
/// every language) is rendered once to warm up (library load, JIT), then timed <see cref="Runs"/> times, split into
/// speaking (espeak-ng, script to PCM) and encoding (Concentus, PCM to Ogg Opus), with wall and CPU time.
/// </summary>
internal static class AudioTimeReport
{
    private const int Runs = 3;

    public static async Task<string> MeasureAsync()
    {
        var renderer = new AudioRenderer(new EspeakSpeechEngine());
        var report = new StringBuilder()
            .AppendLine("| Document | Words | Audio | Speak (espeak-ng) | Encode (Ogg Opus) | Whole, wall | Whole, CPU |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var leaflet in BenchmarkContent.Leaflets.Values)
        {
            foreach (var document in leaflet.AllDocuments)
            {
                var script = SpeechRequest.For(leaflet, document, StringsLibrary.Embedded).Script();
                var tags = new AudioTags(document.Metadata.Title, document.Metadata.Language);
                await renderer.RenderAsync(script, tags, CancellationToken.None);
                var (speak, encode, wall, cpu) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
                SpokenLeaflet spoken = null!;
                for (var run = 0; run < Runs; run++)
                {
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    spoken = await renderer.SpeakAsync(script, CancellationToken.None);
                    speak.Add(clock.Elapsed.TotalMilliseconds);
                    var encodeStart = clock.Elapsed;
                    OggOpusWriter.Write(spoken.Audio, spoken.Chapters, tags);
                    encode.Add((clock.Elapsed - encodeStart).TotalMilliseconds);
                    wall.Add(clock.Elapsed.TotalMilliseconds);
                    cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {leaflet.Id}/{document.Variant.Slug()} ({document.Metadata.Language}) | {spoken.WordCount} | {spoken.Audio.Duration:m\\:ss} | {Median(speak)} | {Median(encode)} | {Median(wall)} | {Median(cpu)} |");
            }
        }
        return report.ToString();
    }

    private static string Median(List<double> values) =>
        (values.Order().ElementAt(values.Count / 2) / 1000).ToString("0.00 's'", CultureInfo.InvariantCulture);
}
