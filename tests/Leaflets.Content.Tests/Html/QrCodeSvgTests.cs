using System.Text.RegularExpressions;
using System.Xml.Linq;
using Leaflets.Content.Rendering.Html;
using QRCoder;

namespace Leaflets.Content.Tests.Html;

public sealed partial class QrCodeSvgTests
{
    private const string Address = "https://leaflets.example.org/leaflets/cementoplasty?variant=easy-read";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_path_draws_exactly_the_modules_QRCoder_encodes_for_the_address()
    {
        var svg = XElement.Parse(QrCodeSvg.Svg(Address, "QR code"));

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Address, QRCodeGenerator.ECCLevel.M);
        var expected = data.ModuleMatrix.Select(row => row.Cast<bool>().ToArray()).ToArray();
        var drawn = Decode(svg.Element(Svg + "path")!.Attribute("d")!.Value, expected.Length);
        Assert.Equal(expected, drawn);
    }

    [Fact]
    public void The_code_has_a_light_quiet_zone_of_four_modules_on_every_side_inside_its_view_box()
    {
        var svg = XElement.Parse(QrCodeSvg.Svg(Address, "QR code"));
        var size = int.Parse(svg.Attribute("viewBox")!.Value.Split(' ')[3]);
        Assert.Equal($"0 0 {size} {size}", svg.Attribute("viewBox")!.Value);

        var drawn = Decode(svg.Element(Svg + "path")!.Attribute("d")!.Value, size);
        var quiet = Enumerable.Range(0, size).SelectMany(row => Enumerable.Range(0, size).Select(column => (row, column)))
            .Where(cell => Math.Min(Math.Min(cell.row, cell.column), Math.Min(size - 1 - cell.row, size - 1 - cell.column)) < 4);
        Assert.All(quiet, cell => Assert.False(drawn[cell.row][cell.column], $"module {cell} is dark inside the quiet zone"));
        // The finder pattern's corner sits just inside the quiet zone.
        Assert.True(drawn[4][4]);
        var background = svg.Element(Svg + "rect")!;
        Assert.Equal(("#fff", size.ToString(), size.ToString()),
            (background.Attribute("fill")!.Value, background.Attribute("width")!.Value, background.Attribute("height")!.Value));
    }

    [Fact]
    public void The_svg_is_well_formed_xml_an_image_named_by_its_label_with_one_black_path_and_no_style()
    {
        var markup = QrCodeSvg.Svg(Address, "QR code: opens \"this leaflet\" <online> & more");
        var svg = XElement.Parse(markup);

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("QR code: opens \"this leaflet\" <online> & more", svg.Attribute("aria-label")!.Value);
        Assert.Equal("crispEdges", svg.Attribute("shape-rendering")!.Value);
        Assert.Equal("#000", Assert.Single(svg.Elements(Svg + "path")).Attribute("fill")!.Value);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), element => element.Attribute("style") is not null);
        Assert.DoesNotContain("style", markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_same_address_and_label_give_the_same_bytes_and_another_address_another_code()
    {
        Assert.Equal(QrCodeSvg.Svg(Address, "QR code"), QrCodeSvg.Svg(Address, "QR code"));
        Assert.NotEqual(
            XElement.Parse(QrCodeSvg.Svg(Address, "QR code")).Element(Svg + "path")!.Attribute("d")!.Value,
            XElement.Parse(QrCodeSvg.Svg(Address + "x", "QR code")).Element(Svg + "path")!.Attribute("d")!.Value);
    }

    /// <summary>Reads the path back as modules: it is only ever whole-module rectangles one row high.</summary>
    private static bool[][] Decode(string path, int size)
    {
        var modules = Enumerable.Range(0, size).Select(_ => new bool[size]).ToArray();
        var position = 0;
        foreach (Match run in Run().Matches(path))
        {
            Assert.Equal(position, run.Index);
            position += run.Length;
            var (x, y, width) = (int.Parse(run.Groups["x"].Value), int.Parse(run.Groups["y"].Value), int.Parse(run.Groups["w"].Value));
            Assert.Equal(run.Groups["w"].Value, run.Groups["back"].Value);
            for (var column = x; column < x + width; column++)
            {
                Assert.False(modules[y][column], $"module ({y}, {column}) is drawn twice");
                modules[y][column] = true;
            }
        }
        Assert.Equal(path.Length, position);
        return modules;
    }

    [GeneratedRegex(@"M(?<x>\d+) (?<y>\d+)h(?<w>\d+)v1h-(?<back>\d+)z")]
    private static partial Regex Run();
}
