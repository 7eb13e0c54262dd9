using System.Collections.Concurrent;
using System.Collections.Immutable;
using QRCoder;

namespace Leaflets.Content.Rendering;

/// <summary>
/// The modules of the QR code of an address, for every output that draws one (the PDF's last page, the site's
/// leaflet page): rows top to bottom, true for dark, with QRCoder's quiet zone of 4 light modules on every side.
/// Error correction M: a printed code survives a crease or a smudge, and stays small enough to scan from a page.
/// </summary>
internal static class QrModules
{
    /// <summary>
    /// Encoding an address (mask scoring above all) costs more than laying out a page, and a service serves few
    /// addresses, so each one's modules are computed once. Bounded in case addresses are many.
    /// </summary>
    private static readonly ConcurrentDictionary<string, ImmutableArray<ImmutableArray<bool>>> Cache = new(StringComparer.Ordinal);

    private const int CacheLimit = 256;

    public static ImmutableArray<ImmutableArray<bool>> Of(string address)
    {
        if (Cache.TryGetValue(address, out var cached))
        {
            return cached;
        }
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix
            .Select(row => row.Cast<bool>().ToImmutableArray())
            .ToImmutableArray();
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }
        Cache[address] = modules;
        return modules;
    }

    /// <summary>
    /// Each row's runs of dark modules, left to right, top to bottom: one rectangle per run draws the code with far
    /// fewer shapes than one per module, on paper and on screen alike.
    /// </summary>
    public static IEnumerable<(int Row, int Column, int Width)> DarkRuns(ImmutableArray<ImmutableArray<bool>> modules)
    {
        for (var row = 0; row < modules.Length; row++)
        {
            var cells = modules[row];
            var column = 0;
            while (column < cells.Length)
            {
                if (!cells[column])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < cells.Length && cells[column])
                {
                    column++;
                }
                yield return (row, start, column - start);
            }
        }
    }
}
