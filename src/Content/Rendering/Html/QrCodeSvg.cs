using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Leaflets.Content.Rendering.Html;

/// <summary>
/// A QR code as inline SVG for an HTML page: the same modules the PDF prints (<see cref="QrModules"/>), so a phone
/// reads the same code from screen and paper. One path of dark modules over a white square, quiet zone included;
/// presentation attributes only, never a style attribute, which the pages' Content-Security-Policy would refuse.
/// </summary>
public static class QrCodeSvg
{
    /// <summary>CSS pixels per module: a code for a typical address (33 to 45 modules) is 130 to 180 px, easy to scan from a screen.</summary>
    private const int PixelsPerModule = 4;

    /// <param name="address">What the code encodes: an absolute address for a phone to open.</param>
    /// <param name="label">The accessible name (<c>aria-label</c>): what the picture is, for a reader who cannot see it.</param>
    public static string Svg(string address, string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        var modules = QrModules.Of(address);
        var size = Number(modules.Length);
        var pixels = Number(modules.Length * PixelsPerModule);
        var svg = new HtmlWriter();
        svg.Open("svg",
            ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", $"0 0 {size} {size}"), ("width", pixels), ("height", pixels),
            ("role", "img"), ("aria-label", label), ("shape-rendering", "crispEdges"), ("class", "qr-code"));
        svg.Void("rect", ("width", size), ("height", size), ("fill", "#fff"));
        svg.Void("path", ("fill", "#000"), ("d", DarkModules(modules)));
        svg.Close("svg");
        return svg.ToString();
    }

    /// <summary>
    /// Each row's runs of dark modules as closed rectangles one module high (<c>M x y h w v1 h -w z</c>), in
    /// whole-module units, so the path is small and identical for the same address.
    /// </summary>
    private static string DarkModules(ImmutableArray<ImmutableArray<bool>> modules)
    {
        var path = new StringBuilder();
        foreach (var (row, column, width) in QrModules.DarkRuns(modules))
        {
            path.Append(CultureInfo.InvariantCulture, $"M{column} {row}h{width}v1h-{width}z");
        }
        return path.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
