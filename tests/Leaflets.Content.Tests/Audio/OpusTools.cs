using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Leaflets.Content.Tests.Audio;

/// <summary>
/// Debian's opus-tools (the reference tools from Xiph, built on libopus and libogg, not on the Concentus code we
/// encode with): opusinfo checks a file's Ogg and Opus structure, opusdec decodes it. scripts/test.sh installs them.
/// </summary>
internal static partial class OpusTools
{
    /// <summary>What opusinfo printed about a file: its output, its error output and its exit code.</summary>
    public sealed record Info(int ExitCode, string Output, string Errors)
    {
        /// <summary>The Vorbis comments, in order, as opusinfo lists them (one a line, indented by a tab).</summary>
        public IReadOnlyList<string> Comments
        {
            get
            {
                var lines = Output.Split('\n');
                var start = Array.FindIndex(lines, line => line.StartsWith("User comments section follows", StringComparison.Ordinal));
                Assert.True(start >= 0, "opusinfo listed no comments:\n" + Output);
                return [.. lines.Skip(start + 1).TakeWhile(line => line.StartsWith('\t')).Select(line => line[1..])];
            }
        }

        /// <summary>The playback length opusinfo works out from the granule positions and pre-skip.</summary>
        public TimeSpan PlaybackLength
        {
            get
            {
                var match = PlaybackLengthLine().Match(Output);
                Assert.True(match.Success, "opusinfo gave no playback length:\n" + Output);
                return TimeSpan.FromMinutes(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
                    + TimeSpan.FromSeconds(double.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        /// <summary>Fails the test unless opusinfo read the file to its end without a warning or an error.</summary>
        public void AssertClean()
        {
            var all = Output + Errors;
            Assert.True(ExitCode == 0 && !all.Contains("warning", StringComparison.OrdinalIgnoreCase) && !all.Contains("error", StringComparison.OrdinalIgnoreCase),
                $"opusinfo (exit {ExitCode}):\n{Output}\n{Errors}");
            Assert.Contains("Logical stream 1 ended", Output, StringComparison.Ordinal);
        }
    }

    public static Info OpusInfo(byte[] file)
    {
        using var scratch = new ScratchFile(file);
        var (exit, output, errors) = Run("opusinfo", [scratch.Path]);
        return new Info(exit, output, errors);
    }

    /// <summary>The file decoded by opusdec to 48 kHz mono 16-bit samples, without dither (so silence stays silent).</summary>
    public static short[] Decode(byte[] file)
    {
        using var scratch = new ScratchFile(file);
        var raw = scratch.Path + ".raw";
        try
        {
            var (exit, output, errors) = Run("opusdec", ["--quiet", "--no-dither", "--rate", "48000", scratch.Path, raw]);
            Assert.True(exit == 0, $"opusdec (exit {exit}):\n{output}\n{errors}");
            var bytes = File.ReadAllBytes(raw);
            var samples = new short[bytes.Length / 2];
            Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
            return samples;
        }
        finally
        {
            File.Delete(raw);
        }
    }

    private static (int ExitCode, string Output, string Errors) Run(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // opusinfo prints comments in the locale's character set: UTF-8, so Welsh titles read back as written.
        start.Environment["LC_ALL"] = "C.UTF-8";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (Win32Exception)
        {
            Assert.Fail($"{tool} is missing: install Debian's opus-tools (scripts/test.sh does).");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{tool} did not finish within a minute.");
            }

            return (process.ExitCode, output.Result, errors.Result);
        }
    }

    private sealed class ScratchFile : IDisposable
    {
        public ScratchFile(byte[] bytes)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"leaflets-{Guid.NewGuid():N}.opus");
            File.WriteAllBytes(Path, bytes);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }

    [GeneratedRegex(@"Playback length: (\d+)m:(\d+(?:\.\d+)?)s")]
    private static partial Regex PlaybackLengthLine();
}
