using Leaflets.Content.Caching;
using Leaflets.Content.Rendering.Audio;
using Leaflets.Content.Rendering.Pdf;
using Leaflets.Content.Tests.Caching;
using Leaflets.Content.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Leaflets.Content.Tests.Audio;

/// <summary>
/// The audio route's cache over the shared store the PDFs use, with the real espeak-ng and Ogg Opus writer: a leaflet
/// is spoken once, stored as an .opus beside the PDFs, and another instance takes it from the store without speaking.
/// </summary>
[Collection(Speech.EspeakCollection.Name)]
public sealed class AudioRenderCacheTests
{
    private readonly SharedPdfStoreTests.MemoryStore _store = new();

    private static readonly AudioRenderer Renderer = new(new EspeakSpeechEngine());

    /// <summary>One instance of the app: its PDF cache (whose guarded store the audio uses) and its audio cache.</summary>
    private (AudioRenderCache Audio, PdfRenderCache Pdfs) Instance()
    {
        var pdfs = new PdfRenderCache(new LeafletPdfRenderer(), Options.Create(new PdfOptions()), store: _store, storeOptions: Options.Create(new PdfStoreOptions()));
        return (new AudioRenderCache(Renderer, pdfs, NullLogger<AudioRenderCache>.Instance), pdfs);
    }

    private static SpeechRequest Request()
    {
        var leaflet = TestDocuments.Leaflet();
        return SpeechRequest.For(leaflet, leaflet.Plain, StringsLibrary.Embedded);
    }

    [Fact]
    public async Task A_leaflet_is_spoken_once_stored_as_opus_beside_the_pdfs_and_taken_from_the_store_by_another_instance()
    {
        var (first, firstPdfs) = Instance();
        var request = Request();

        var spoken = await first.GetOrRenderAsync(request);
        await firstPdfs.Store!.WritesSettledAsync();
        var (second, _) = Instance();
        var served = await second.GetOrRenderAsync(request);

        Assert.Equal("OggS"u8.ToArray(), spoken[..4]);
        var key = Assert.Single(_store.Keys);
        Assert.EndsWith(".opus", key.StorageName, StringComparison.Ordinal);
        Assert.Equal((request.LeafletId, "audio/ogg"), (key.LeafletId, key.MediaType));
        Assert.Equal(spoken, _store.Get(key));
        Assert.Equal(spoken, served);
        Assert.Equal((1, 0), (first.Renders, first.StoreHits));
        Assert.Equal((0, 1), (second.Renders, second.StoreHits));
    }

    [Fact]
    public async Task Requests_for_the_same_audio_at_the_same_time_share_one_render()
    {
        var (cache, _) = Instance();

        var all = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => cache.GetOrRenderAsync(Request())));

        Assert.Equal(1, cache.Renders);
        Assert.All(all, audio => Assert.Equal(all[0], audio));
    }

    [Fact]
    public void The_audio_and_its_ssml_have_their_own_versions_and_the_audios_names_the_engine()
    {
        var request = Request();

        Assert.NotEqual(request.SsmlVersion, request.AudioVersion(Renderer));
        Assert.NotEqual(request.AudioVersion(Renderer), request.AudioVersion(new AudioRenderer(new AzureSpeechEngine(new HttpClient(), new AzureSpeechOptions(), TimeSpan.FromSeconds(1)))));
        Assert.Equal("cementoplasty-plain-v3.opus", request.AudioFileName);
        Assert.Equal("cementoplasty-plain-v3.ssml", request.SsmlFileName);
    }
}
