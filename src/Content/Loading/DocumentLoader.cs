using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Leaflets.Content.Model;
using Leaflets.Content.Text;

namespace Leaflets.Content.Loading;

/// <summary>Loads one variant file: front matter, body and the content hash over the text and the images it uses.</summary>
internal static class DocumentLoader
{
    /// <param name="translation">What the file translates; null for a main-language file (plain.md, easy-read.md).</param>
    /// <param name="recordedMetadata">
    /// The front matter a compiled snapshot recorded for these very bytes (<see cref="LeafletLoader.Load(string, IReadOnlyList{ContentFile}, StringsLibrary, Leaflet?)"/>):
    /// taken as it is instead of being read again.
    /// </param>
    public static LeafletDocument? Load(string id, LeafletVariant variant, Translation? translation, ContentFile file, IReadOnlySet<string> imageNames,
        IReadOnlyDictionary<string, LeafletImage> images, ProblemLog log, HashSet<string> usedImages, StringsLibrary strings,
        LeafletMetadata? recordedMetadata = null)
    {
        var errorsBefore = log.ErrorCount;
        if (file.Bytes.Length > ContentLimits.MaxMarkdownBytes)
        {
            log.Add(1, ContentRules.FileTooLarge,
                $"the file is {file.Bytes.Length} bytes; a Markdown file may be at most {ContentLimits.MaxMarkdownBytes} bytes (split the leaflet, or move detail to references)");
            return null;
        }
        if (SourceText.Read(file.Bytes, log) is not { } source)
        {
            return null;
        }
        RefuseUnprintableScript(source, log);
        var metadata = recordedMetadata ?? FrontMatterReader.Read(source, variant, translation, log, strings);
        var reader = new BlockReader(log, imageNames);
        var blocks = reader.Read(source.Body);
        usedImages.UnionWith(reader.UsedImages);
        if (blocks.IsEmpty && log.ErrorCount == errorsBefore)
        {
            log.Add(source.ClosingLine, ContentRules.BodyEmpty, "the leaflet has no body after the front matter");
        }
        if (variant == LeafletVariant.EasyRead)
        {
            blocks = PictureRows.Group(blocks);
        }
        // A used image that failed its own checks is reported against the image; it must not reach the hash.
        if (metadata is null || log.ErrorCount != errorsBefore || !reader.UsedImages.All(images.ContainsKey))
        {
            return null;
        }
        var hash = ContentHash(file.Bytes, reader.UsedImages, images, translation?.Main.ContentHash);
        return new LeafletDocument(id, variant, metadata, blocks, hash, log.Path)
        {
            DateModified = DateModified(file, reader.UsedImages, images, translation?.Main),
        };
    }

    /// <summary>Refused at load rather than printed as broken text; the first such letter is named, where it is.</summary>
    private static void RefuseUnprintableScript(SourceText source, ProblemLog log)
    {
        // The body keeps the front matter's lines blank, so its line 0 is line 1 of the file.
        if (PrintableScripts.FirstUnprintable(source.FrontMatter) is { } inFrontMatter)
        {
            Report(source.FrontMatterFirstLine + inFrontMatter.Line, inFrontMatter.Character);
        }
        else if (PrintableScripts.FirstUnprintable(source.Body) is { } inBody)
        {
            Report(inBody.Line + 1, inBody.Character);
        }

        void Report(int line, Rune letter) => log.Add(line, ContentRules.ScriptNotPrintable,
            $"'{letter}' (U+{letter.Value:X4}) is in a script the PDF cannot print yet; leaflets can be printed in {PrintableScripts.Names} letters only");
    }

    /// <summary>The newest change among exactly what <see cref="ContentHash"/> covers, so the date moves whenever the hash could.</summary>
    private static DateTimeOffset DateModified(ContentFile source, IEnumerable<string> usedImages, IReadOnlyDictionary<string, LeafletImage> images,
        LeafletDocument? main) =>
        usedImages.Select(name => images[name].LastModified)
            .Append(source.LastModified)
            .Append(main?.DateModified ?? DateTimeOffset.MinValue)
            .Max();

    /// <summary>
    /// SHA-256 over the Markdown bytes, then each used image's file name and bytes in order of first use, then for a
    /// translation its main file's hash: a translation shows that file's codes and references, so a change there is a change here.
    /// Empty when a used image's bytes were not read (<see cref="LeafletLoader.Load"/> given a snapshot's image facts).
    /// </summary>
    internal static string ContentHash(ImmutableArray<byte> markdown, IEnumerable<string> usedImages, IReadOnlyDictionary<string, LeafletImage> images,
        string? mainHash = null)
    {
        if (usedImages.Any(name => !images[name].IsLoaded))
        {
            return "";
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(markdown.AsSpan());
        foreach (var name in usedImages)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(images[name].Bytes.AsSpan());
        }
        if (mainHash is not null)
        {
            hash.AppendData(Encoding.ASCII.GetBytes(mainHash));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
