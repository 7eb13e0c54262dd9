using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Leaflets.Api.Tests.Infrastructure;
using Leaflets.Content.Rendering.Audio;
using Microsoft.Extensions.DependencyInjection;

namespace Leaflets.Api.Tests;

/// <summary>
/// GET /api/leaflets/{id}/audio over the repository's real leaflet, spoken by the real espeak-ng (the copy the build
/// ships) and checked with Xiph's opusinfo (Debian's opus-tools), served by the real host.
/// </summary>
public sealed class AudioRouteTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(TestPaths.RepositoryContent);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("?variant=easy-read", "cementoplasty-easy-read-v1.opus", "en-GB")]
    [InlineData("?variant=easy-read&lang=cy", "cementoplasty-easy-read-cy-v1.opus", "cy")]
    public async Task A_variant_is_served_as_ogg_opus_with_a_chapter_per_section_of_its_script(string query, string fileName, string language)
    {
        var response = await Client.GetAsync($"/api/leaflets/cementoplasty/audio{query}");
        var ssml = await Client.GetStringAsync($"/api/leaflets/cementoplasty/audio/ssml{query}");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("audio/ogg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("codecs=opus", Assert.Single(response.Content.Headers.ContentType.Parameters).ToString());
        Assert.Equal($"attachment; filename=\"{fileName}\"", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal([language], response.Content.Headers.ContentLanguage);
        var audio = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("OggS"u8.ToArray(), audio[..4]);
        var info = OpusInfo(audio);
        Assert.True(info.ExitCode == 0 && !info.Output.Contains("WARNING", StringComparison.OrdinalIgnoreCase), info.Output);
        // Every chapter the SSML marks is a chapter of the file, named by its heading.
        var marks = System.Text.RegularExpressions.Regex.Matches(ssml, "<mark name=\"chapter-").Count;
        Assert.Equal(marks, System.Text.RegularExpressions.Regex.Matches(info.Output, @"CHAPTER\d{3}NAME=").Count);
        Assert.Contains(language == "cy" ? "CHAPTER001NAME=Gwneud esgyrn poenus yn gryfach" : "CHAPTER001NAME=Making painful bones stronger", info.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audio_is_spoken_once_then_served_from_memory_with_the_same_bytes_etag_and_a_304()
    {
        const string route = "/api/leaflets/cementoplasty/audio?variant=easy-read";
        var renders = _server.Services.GetRequiredService<AudioRenderCache>();
        await StableRepresentation.AssertAsync(Client, route);

        Assert.Equal(1, renders.Renders);
    }

    [Fact]
    public async Task The_audio_and_its_ssml_have_different_etags_and_the_audios_names_the_engine()
    {
        var audio = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/leaflets/cementoplasty/audio?variant=easy-read"));
        var ssml = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/leaflets/cementoplasty/audio/ssml?variant=easy-read"));
        var renderer = _server.Services.GetRequiredService<AudioRenderer>();

        Assert.NotEqual(audio.Headers.ETag, ssml.Headers.ETag);
        Assert.StartsWith("espeak-ng ", renderer.Engine.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/leaflets/no-such-leaflet/audio", HttpStatusCode.NotFound, "urn:leaflets:problem:unknown-leaflet")]
    [InlineData("/api/leaflets/cementoplasty/audio?lang=fr", HttpStatusCode.NotFound, "urn:leaflets:problem:missing-language")]
    [InlineData("/api/leaflets/cementoplasty/audio?variant=audio", HttpStatusCode.BadRequest, "urn:leaflets:problem:invalid-parameter")]
    [InlineData("/api/leaflets/cementoplasty/audio?voice=nia", HttpStatusCode.BadRequest, "urn:leaflets:problem:invalid-parameter")]
    public async Task An_unknown_leaflet_language_variant_or_parameter_is_a_problem_not_audio(string route, HttpStatusCode status, string type)
    {
        var problem = await ApiJson.AssertProblemAsync(await Client.GetAsync(route), status);
        Assert.Equal(type, (string)problem["type"]!);
    }

    [Fact]
    public async Task A_client_that_takes_only_pdf_gets_a_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leaflets/cementoplasty/audio");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task An_engine_with_no_voice_for_the_language_is_a_404_naming_the_engine_and_the_ssml_is_still_served()
    {
        var options = new AzureSpeechOptions { Region = "uksouth", Key = "not-used" };
        options.Voices.Remove("cy");
        await using var server = await RunningServer.StartAsync(TestPaths.RepositoryContent, services =>
            services.AddSingleton<ISpeechEngine>(new AzureSpeechEngine(new HttpClient(), options, TimeSpan.FromSeconds(5))));

        var problem = await ApiJson.AssertProblemAsync(await server.Client.GetAsync("/api/leaflets/cementoplasty/audio?lang=cy"), HttpStatusCode.NotFound);
        var ssml = await server.Client.GetAsync("/api/leaflets/cementoplasty/audio/ssml?lang=cy");

        Assert.Equal("urn:leaflets:problem:audio-language-not-offered", (string)problem["type"]!);
        Assert.Contains("azure-speech", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ssml.StatusCode);
    }

    [Fact]
    public async Task An_engine_that_cannot_speak_here_is_a_503_naming_what_is_missing_and_other_routes_are_untouched()
    {
        // Azure AI Speech chosen but given no key: the configuration a deployment could get wrong.
        await using var server = await RunningServer.StartAsync(TestPaths.RepositoryContent, services =>
            services.Configure<SpeechOptions>(speech => speech.Engine = SpeechOptions.AzureEngine));

        var problem = await ApiJson.AssertProblemAsync(await server.Client.GetAsync("/api/leaflets/cementoplasty/audio"), HttpStatusCode.ServiceUnavailable);
        var epub = await server.Client.GetAsync("/api/leaflets/cementoplasty/epub");

        Assert.Equal("urn:leaflets:problem:audio-unavailable", (string)problem["type"]!);
        Assert.Contains("Speech:Azure:Key", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, epub.StatusCode);
    }

    private static (int ExitCode, string Output) OpusInfo(byte[] audio)
    {
        var file = Path.Combine(Path.GetTempPath(), $"leaflets-audio-{Guid.NewGuid():N}.opus");
        File.WriteAllBytes(file, audio);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("opusinfo", [file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "opusinfo did not finish");
            return (process.ExitCode, output.Result + errors.Result);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
