using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Leaflets.Content.Caching;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering.Pdf;

namespace Leaflets.Content.Tests.Caching;

public sealed class StoredPdfRendererTests
{
    private readonly MemoryStore _store = new();
    private readonly CountingRenderer _renderer = new();

    [Fact]
    public void A_pdf_not_in_the_store_is_rendered_once_and_stored_for_other_instances()
    {
        var stored = new StoredPdfRenderer(_renderer, _store);
        var leaflet = Load(version: 1);

        var pdf = stored.Render(leaflet, LeafletVariant.Plain, new PdfRenderOptions());

        Assert.Equal(1, _renderer.Calls);
        var key = Assert.Single(_store.Keys);
        Assert.Equal(leaflet.Plain.ContentHash, key.ContentHash);
        Assert.Equal(pdf, _store.Get(key));
    }

    [Fact]
    public void A_pdf_already_in_the_store_is_served_without_rendering()
    {
        var leaflet = Load(version: 1);
        var firstInstance = new StoredPdfRenderer(new CountingRenderer(), _store);
        var rendered = firstInstance.Render(leaflet, LeafletVariant.Plain, new PdfRenderOptions());
        var secondInstance = new StoredPdfRenderer(_renderer, _store);

        var served = secondInstance.Render(leaflet, LeafletVariant.Plain, new PdfRenderOptions());

        Assert.Equal(rendered, served);
        Assert.Equal(0, _renderer.Calls);
        Assert.Equal((0, 1), (secondInstance.Renders, secondInstance.StoreHits));
    }

    [Fact]
    public void A_new_version_or_other_options_are_rendered_afresh_never_served_an_old_pdf()
    {
        var stored = new StoredPdfRenderer(_renderer, _store);
        stored.Render(Load(version: 1), LeafletVariant.Plain, new PdfRenderOptions());

        stored.Render(Load(version: 2), LeafletVariant.Plain, new PdfRenderOptions());
        stored.Render(Load(version: 1), LeafletVariant.Plain, new PdfRenderOptions(BodySize: 24));
        stored.Render(Load(version: 1), LeafletVariant.Plain, new PdfRenderOptions(Paper: PaperSize.A5));

        Assert.Equal(4, _renderer.Calls);
        Assert.Equal(4, _store.Keys.Distinct().Count());
    }

    [Fact]
    public void Options_outside_those_offered_are_refused_before_the_store_is_asked()
    {
        var stored = new StoredPdfRenderer(_renderer, _store);

        Assert.Throws<ArgumentException>(() => stored.Render(Load(version: 1), LeafletVariant.Plain, new PdfRenderOptions(BodySize: 9)));
        Assert.Empty(_store.Keys);
    }

    private static Leaflet Load(int version)
    {
        var text = SampleLeaflets.Markdown("Looking after your wound", version);
        var result = LeafletLoader.Load("content", [new ContentFile("leaflets/wound-care/plain.md", ImmutableArray.Create(Encoding.UTF8.GetBytes(text)))]);
        return result.Leaflets["wound-care"];
    }

    private sealed class CountingRenderer : ILeafletPdfRenderer
    {
        public int Calls { get; private set; }

        public byte[] Render(Leaflet leaflet, LeafletVariant variant, PdfRenderOptions options)
        {
            Calls++;
            return Encoding.ASCII.GetBytes($"%PDF {leaflet.Variants[variant].ContentHash} {options}");
        }
    }

    private sealed class MemoryStore : IRenderedPdfStore
    {
        private readonly ConcurrentDictionary<RenderedPdfKey, byte[]> _pdfs = new();

        public IEnumerable<RenderedPdfKey> Keys => _pdfs.Keys;

        public byte[] Get(RenderedPdfKey key) => _pdfs[key];

        public Task<byte[]?> TryGetAsync(RenderedPdfKey key, CancellationToken cancellationToken)
            => Task.FromResult(_pdfs.TryGetValue(key, out var pdf) ? pdf : null);

        public Task PutAsync(RenderedPdfKey key, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
        {
            _pdfs.TryAdd(key, pdf.ToArray());
            return Task.CompletedTask;
        }
    }
}
