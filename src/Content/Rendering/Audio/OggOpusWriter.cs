using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Concentus;
using Concentus.Enums;
using Concentus.Structs;

namespace Leaflets.Content.Rendering.Audio;

/// <summary>The words a player shows for the file: its title, language (BCP 47), and who made it.</summary>
public sealed record AudioTags(string Title, string Language, string? Artist = null, string? Organization = null);

/// <summary>
/// Writes spoken audio as an Ogg Opus file (RFC 7845) with chapter marks, byte-identical for identical input: the
/// codec is Concentus's managed Opus encoder (never a native libopus a machine happens to have), the Ogg pages are
/// written here, and the stream's serial number comes from a hash of the input, not from a clock or a random number.
/// The README beside this file says why each setting is what it is.
/// </summary>
public static class OggOpusWriter
{
    /// <summary>Names this writer's output; part of the audio's representation version, so a change here moves the ETag. Bump it when the bytes change.</summary>
    public const string Representation = "audio/ogg;codecs=opus;writer=1";

    /// <summary>The longest audio written: a leaflet read aloud takes minutes, so an hour means something went wrong.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(60);

    /// <summary>Chapter tags are numbered with three digits (CHAPTER001), the form ffmpeg and players read.</summary>
    public const int MaxChapters = 999;

    /// <summary>The longest title, name or chapter title, in characters.</summary>
    public const int MaxTagLength = 500;

    /// <summary>The input sample rates taken: telephone quality up to Opus's own full rate.</summary>
    public const int MinSampleRate = 8000, MaxSampleRate = 48000;

    /// <summary>32 kbit/s: Opus's full band for speech (its "transparent speech" range starts near here), about 240 kB a minute.</summary>
    public const int Bitrate = 32_000;

    /// <summary>The encoder's most thorough search (libopus's default): the file is encoded once per leaflet and cached.</summary>
    private const int Complexity = 10;

    /// <summary>Opus's granule positions and pre-skip always count at 48 kHz, whatever the input rate.</summary>
    private const int GranuleRate = 48_000;

    /// <summary>20 ms frames: Opus's default, the best trade of quality and overhead for speech.</summary>
    private const int FramesPerSecond = 50;

    /// <summary>An audio page holds at most a second of packets, as opusenc's, so a player seeks to within a second by pages alone.</summary>
    private const int PacketsPerPage = FramesPerSecond;

    /// <summary>Opus's own encoder rates; other inputs are resampled up to the next one.</summary>
    private static readonly int[] OpusRates = [8000, 12000, 16000, 24000, 48000];

    /// <summary>The Speex resampler's quality 5 ("desktop"): inaudible loss for speech at a fraction of quality 10's time.</summary>
    private const int ResamplerQuality = 5;

    /// <summary>The largest Opus packet (RFC 6716).</summary>
    private const int MaxPacketBytes = 1275;

    private static readonly string CodecVersion = typeof(OpusEncoder).Assembly.GetName().Version?.ToString(3) ?? "unknown";

    /// <summary>The OpusTags vendor string: the library that made the packets.</summary>
    public static string Vendor { get; } = "Concentus " + CodecVersion;

    /// <summary>The ENCODER comment: this writer and its settings, as opusenc writes its own.</summary>
    public static string Encoder { get; } =
        $"Leaflets {Representation} (Concentus {CodecVersion}, {Bitrate / 1000} kbit/s, {1000 / FramesPerSecond} ms frames, mono)";

    /// <summary>
    /// Encodes <paramref name="audio"/> with its <paramref name="chapters"/> and <paramref name="tags"/>. Throws
    /// <see cref="ArgumentException"/> naming the limit when the audio is empty, longer than <see cref="MaxDuration"/>
    /// or at a rate outside <see cref="MinSampleRate"/>–<see cref="MaxSampleRate"/>, or when the chapters are not in
    /// ascending order within the audio.
    /// </summary>
    public static byte[] Write(SpokenAudio audio, IReadOnlyList<AudioChapter> chapters, AudioTags tags)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(tags);
        CheckAudio(audio);
        var comments = Comments(audio, chapters, tags);

        var encoderRate = OpusRates.First(rate => rate >= audio.SampleRate);
        var pcm = audio.SampleRate == encoderRate ? audio.Samples.AsSpan() : Resample(audio, encoderRate);

        // The managed encoder on purpose, not OpusCodecFactory (which is why its constructor is marked obsolete): the
        // factory takes a native libopus when the machine has one, and libopus's packets differ from Concentus's, so
        // the same leaflet would give different bytes (and ETags) on a machine with opus-tools installed.
#pragma warning disable CS0618
        var encoder = new OpusEncoder(encoderRate, 1, OpusApplication.OPUS_APPLICATION_AUDIO)
#pragma warning restore CS0618
        {
            Bitrate = Bitrate,
            SignalType = OpusSignal.OPUS_SIGNAL_VOICE,
            UseVBR = true,
            Complexity = Complexity,
        };
        var granulesPerSample = GranuleRate / encoderRate;
        var frameSamples = encoderRate / FramesPerSecond;
        // The decoder's output starts with the encoder's look-ahead, which the player skips (pre-skip); enough frames
        // are encoded to cover it and every input sample, and the last page's granule cuts off the padding.
        var lookahead = encoder.Lookahead;
        var preSkip = lookahead * granulesPerSample;
        var frames = (lookahead + pcm.Length + frameSamples - 1) / frameSamples;
        var finalGranule = (long)preSkip + (long)pcm.Length * granulesPerSample;

        using var output = new MemoryStream(capacity: 4096 + (int)Math.Min(int.MaxValue / 2, (long)frames * Bitrate / 8 / FramesPerSecond));
        var ogg = new OggPageWriter(output, SerialNumber(audio, comments));
        ogg.Packet(OpusHead(preSkip, audio.SampleRate), granuleAfter: 0);
        ogg.EndPage(endOfStream: false);
        ogg.Packet(OpusTags(comments), granuleAfter: 0);
        ogg.EndPage(endOfStream: false);

        var frame = new short[frameSamples];
        var packet = new byte[MaxPacketBytes];
        for (var index = 0; index < frames; index++)
        {
            // The last frame or two may lie partly or wholly past the input (the look-ahead): silence fills them.
            var start = Math.Min(index * frameSamples, pcm.Length);
            var available = Math.Min(pcm.Length - start, frameSamples);
            pcm.Slice(start, available).CopyTo(frame);
            frame.AsSpan(available).Clear();
            var length = encoder.Encode(frame, frameSamples, packet, packet.Length);
            if (length <= 0)
            {
                throw new InvalidOperationException($"The Opus encoder failed on frame {index} of {frames} (code {length}).");
            }

            var last = index == frames - 1;
            ogg.Packet(packet.AsSpan(0, length), last ? finalGranule : (long)(index + 1) * frameSamples * granulesPerSample);
            if (last || ogg.PacketsOnPage == PacketsPerPage)
            {
                ogg.EndPage(endOfStream: last);
            }
        }

        return output.ToArray();
    }

    private static void CheckAudio(SpokenAudio audio)
    {
        if (audio.SampleRate is < MinSampleRate or > MaxSampleRate)
        {
            throw new ArgumentException(
                $"The audio's sample rate is {audio.SampleRate} Hz; the writer takes {MinSampleRate} to {MaxSampleRate} Hz (OggOpusWriter.MinSampleRate, MaxSampleRate).",
                nameof(audio));
        }

        if (audio.Samples.IsDefaultOrEmpty)
        {
            throw new ArgumentException("The audio has no samples: there is nothing to encode.", nameof(audio));
        }

        if (audio.Duration > MaxDuration)
        {
            throw new ArgumentException(
                $"The audio is {audio.Duration:hh\\:mm\\:ss} long; the limit is {MaxDuration.TotalMinutes:0} minutes (OggOpusWriter.MaxDuration).",
                nameof(audio));
        }
    }

    /// <summary>
    /// The Vorbis comments: title, language, artist and organisation where given, the encoder, then each chapter as
    /// CHAPTERnnn=HH:MM:SS.mmm and CHAPTERnnnNAME=title (the chapter extension ffmpeg and VLC read).
    /// </summary>
    private static List<string> Comments(SpokenAudio audio, IReadOnlyList<AudioChapter> chapters, AudioTags tags)
    {
        if (chapters.Count > MaxChapters)
        {
            throw new ArgumentException($"There are {chapters.Count} chapters; the limit is {MaxChapters} (OggOpusWriter.MaxChapters).", nameof(chapters));
        }

        var comments = new List<string>();
        void Add(string key, string? value)
        {
            if (value is null)
            {
                return;
            }

            CheckTag(value, key);
            comments.Add(key + "=" + value);
        }

        Add("TITLE", tags.Title);
        Add("LANGUAGE", tags.Language);
        Add("ARTIST", tags.Artist);
        Add("ORGANIZATION", tags.Organization);
        comments.Add("ENCODER=" + Encoder);

        var previous = TimeSpan.MinValue;
        for (var index = 0; index < chapters.Count; index++)
        {
            var chapter = chapters[index] ?? throw new ArgumentException($"Chapter {index + 1} is missing.", nameof(chapters));
            if (chapter.Start < TimeSpan.Zero || chapter.Start >= audio.Duration)
            {
                throw new ArgumentException(
                    $"Chapter {index + 1} (\"{chapter.Title}\") starts at {chapter.Start}, outside the audio (0 to {audio.Duration}).", nameof(chapters));
            }

            if (chapter.Start <= previous)
            {
                throw new ArgumentException(
                    $"Chapter {index + 1} (\"{chapter.Title}\") starts at {chapter.Start}, not after chapter {index} at {previous}: chapters must be in ascending order.",
                    nameof(chapters));
            }

            previous = chapter.Start;
            var key = "CHAPTER" + (index + 1).ToString("000", CultureInfo.InvariantCulture);
            comments.Add(key + "=" + ChapterTime(chapter.Start));
            Add(key + "NAME", chapter.Title);
        }

        return comments;
    }

    private static void CheckTag(string value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {key} comment is empty.");
        }

        if (value.Length > MaxTagLength)
        {
            throw new ArgumentException($"The {key} comment is {value.Length} characters; the limit is {MaxTagLength} (OggOpusWriter.MaxTagLength).");
        }

        // A comment is one line in every tool that lists them; a control character would split or hide it.
        if (value.Any(char.IsControl))
        {
            throw new ArgumentException($"The {key} comment contains a control character (a line break or similar): \"{value}\".");
        }
    }

    /// <summary>HH:MM:SS.mmm, truncated to the millisecond, so a chapter mark never falls after the audio it names.</summary>
    internal static string ChapterTime(TimeSpan start)
    {
        var milliseconds = start.Ticks / TimeSpan.TicksPerMillisecond;
        return string.Create(CultureInfo.InvariantCulture,
            $"{milliseconds / 3_600_000:00}:{milliseconds / 60_000 % 60:00}:{milliseconds / 1000 % 60:00}.{milliseconds % 1000:000}");
    }

    /// <summary>
    /// Resamples the whole signal to <paramref name="rate"/> with the Speex resampler Concentus carries, without its
    /// leading delay (SkipZeroes) and flushed with silence, so sample n of the output is at the same time as sample n
    /// of the input and the output lasts as long as the input, to within one output sample.
    /// </summary>
    private static ReadOnlySpan<short> Resample(SpokenAudio audio, int rate)
    {
        var resampler = ResamplerFactory.CreateResampler(1, audio.SampleRate, rate, ResamplerQuality);
        resampler.SkipZeroes();
        var wanted = (int)(((long)audio.Samples.Length * rate + audio.SampleRate - 1) / audio.SampleRate);
        var input = new short[audio.Samples.Length + resampler.InputLatency * 2];
        audio.Samples.AsSpan().CopyTo(input);
        var output = new short[wanted + rate / 100];
        var read = 0;
        var written = 0;
        while (read < input.Length && written < output.Length)
        {
            var inLength = input.Length - read;
            var outLength = output.Length - written;
            resampler.Process(0, input.AsSpan(read), ref inLength, output.AsSpan(written), ref outLength);
            if (inLength == 0 && outLength == 0)
            {
                break;
            }

            read += inLength;
            written += outLength;
        }

        if (written < wanted)
        {
            throw new InvalidOperationException($"The resampler gave {written} samples of the {wanted} expected.");
        }

        return output.AsSpan(0, wanted);
    }

    /// <summary>The identification header (RFC 7845 §5.1): one channel, family 0, no gain.</summary>
    private static byte[] OpusHead(int preSkip, int inputRate)
    {
        var head = new byte[19];
        "OpusHead"u8.CopyTo(head);
        head[8] = 1;
        head[9] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(10), checked((ushort)preSkip));
        BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(12), (uint)inputRate);
        BinaryPrimitives.WriteInt16LittleEndian(head.AsSpan(16), 0);
        head[18] = 0;
        return head;
    }

    /// <summary>The comment header (RFC 7845 §5.2): vendor string, then each comment, all UTF-8 with 32-bit little-endian lengths.</summary>
    private static byte[] OpusTags(List<string> comments)
    {
        using var tags = new MemoryStream();
        void WriteLength(int value)
        {
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)value);
            tags.Write(length);
        }

        void WriteText(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            WriteLength(bytes.Length);
            tags.Write(bytes);
        }

        tags.Write("OpusTags"u8);
        WriteText(Vendor);
        WriteLength(comments.Count);
        foreach (var comment in comments)
        {
            WriteText(comment);
        }

        return tags.ToArray();
    }

    /// <summary>The stream's serial number: from a hash of everything that shapes the file, so equal input gives equal bytes.</summary>
    private static uint SerialNumber(SpokenAudio audio, List<string> comments)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> rate = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(rate, audio.SampleRate);
        hash.AppendData(rate);
        hash.AppendData(MemoryMarshal.AsBytes(audio.Samples.AsSpan()));
        foreach (var comment in comments)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(comment + "\n"));
        }

        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return BinaryPrimitives.ReadUInt32LittleEndian(digest);
    }
}
