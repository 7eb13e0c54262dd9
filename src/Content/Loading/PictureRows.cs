using System.Collections.Immutable;
using Leaflets.Content.Model;

namespace Leaflets.Content.Loading;

/// <summary>
/// Easy read pairs each picture with its words. A figure immediately followed by a paragraph becomes one
/// <see cref="PictureRowBlock"/>; a list that directly follows that paragraph joins the same row, because in
/// easy read a short lead-in sentence and its bullet points belong beside the same picture.
/// A figure followed by anything else stays a figure on its own.
/// </summary>
internal static class PictureRows
{
    public static ImmutableArray<Block> Group(ImmutableArray<Block> blocks)
    {
        var result = ImmutableArray.CreateBuilder<Block>(blocks.Length);
        for (var i = 0; i < blocks.Length; i++)
        {
            if (blocks[i] is FigureBlock figure && i + 1 < blocks.Length && blocks[i + 1] is ParagraphBlock words)
            {
                var beside = ImmutableArray.CreateBuilder<Block>();
                beside.Add(words);
                i++;
                if (i + 1 < blocks.Length && blocks[i + 1] is ListBlock list)
                {
                    beside.Add(list);
                    i++;
                }
                result.Add(new PictureRowBlock(figure.Line, figure, beside.ToImmutable()));
            }
            else
            {
                result.Add(blocks[i]);
            }
        }
        return result.ToImmutable();
    }
}
