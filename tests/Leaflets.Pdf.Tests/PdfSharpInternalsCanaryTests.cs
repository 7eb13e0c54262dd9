using System.Reflection;
using System.Text;
using Leaflets.Content.Rendering.Pdf.Drawing;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.UniversalAccessibility;

namespace Leaflets.Pdf.Tests;

/// <summary>
/// Resolves every PDFsharp internal the renderer reaches (all in Drawing/PdfSharpInternals.cs), so an upgrade that
/// moves one fails here, by name, rather than in a render in production.
/// </summary>
public class PdfSharpInternalsCanaryTests
{
    private const BindingFlags AnyInstance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private static string Moved(string member) => $"PDFsharp upgrade moved {member}; see Drawing/PdfSharpInternals.cs";

    [Fact]
    public void The_pdfsharp_in_use_is_a_6_2_release_never_the_agpl_6_5_or_later()
    {
        var version = typeof(PdfDocument).Assembly.GetName().Version!;

        Assert.True(
            version is { Major: 6, Minor: 2 },
            $"PDFsharp {version} is loaded: Drawing/PdfSharpInternals.cs was written for 6.2.x, and PDFsharp 6.5 and later is AGPL.");
    }

    [Fact]
    public void The_structure_builders_internal_draw_notification_is_where_the_accessor_expects_it()
    {
        var method = typeof(StructureBuilder).GetMethod(PdfSharpInternals.OnDrawMethod, AnyInstance, Type.EmptyTypes);

        Assert.True(method?.ReturnType == typeof(void), Moved($"StructureBuilder.{PdfSharpInternals.OnDrawMethod}()"));
    }

    [Fact]
    public void The_internal_resource_map_type_is_found_by_its_name()
    {
        var type = typeof(PdfResources).Assembly.GetType(PdfSharpInternals.ResourceMapTypeName);

        Assert.True(type is not null, Moved($"the type {PdfSharpInternals.ResourceMapTypeName}"));
    }

    [Fact]
    public void Every_type_pdfsharp_creates_by_reflection_still_has_the_constructor_it_invokes()
    {
        foreach (var type in PdfSharpInternals.CreatedByReflection)
        {
            Assert.True(type.GetConstructor(AnyInstance, [typeof(PdfDocument)]) is not null, Moved($"{type.FullName}(PdfDocument)"));
        }
    }

    [Fact]
    public void Ximage_still_keeps_its_per_document_cache_that_shared_images_are_locked_for()
    {
        var field = typeof(XImage).GetField(PdfSharpInternals.ImageCacheField, AnyInstance);

        Assert.True(field is not null, Moved($"XImage.{PdfSharpInternals.ImageCacheField} (re-check whether DrawShared still needs its lock)"));
    }

    [Fact]
    public void Operators_written_straight_into_a_page_land_in_its_content_inside_the_open_element()
    {
        var document = new PdfDocument();
        var builder = UAManager.ForDocument(document).StructureBuilder;
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            builder.BeginElement(PdfBlockLevelElementTag.Paragraph);
            try
            {
                PdfSharpInternals.BeginRawGraphics(gfx, builder);
            }
            catch (MissingMethodException missing)
            {
                Assert.Fail(Moved($"StructureBuilder.{PdfSharpInternals.OnDrawMethod}() ({missing.Message})"));
            }
            PdfSharpInternals.PageContent(gfx).Append("% canary\n");
            builder.End();
        }

        var content = Encoding.Latin1.GetString(page.Contents.CreateSingleContent().Stream.UnfilteredValue);
        var canary = content.IndexOf("% canary", StringComparison.Ordinal);
        Assert.True(canary >= 0, Moved("XGraphics.Internals.ContentStringBuilder (raw operators did not reach the page content)"));
        var opened = content.LastIndexOf("BDC", canary, StringComparison.Ordinal);
        Assert.True(opened >= 0 && content.IndexOf("EMC", opened, StringComparison.Ordinal) > canary, Moved("the marked content opened by OnDraw before raw operators"));
    }
}
