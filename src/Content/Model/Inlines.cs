using System.Collections.Immutable;
using System.Text;

namespace Leaflets.Content.Model;

/// <summary>Text inside a block: plain text, bold emphasis and links. Nothing else is allowed by the authoring format.</summary>
public abstract record Inline;

public sealed record TextInline(string Text) : Inline;

public sealed record StrongInline(ImmutableArray<Inline> Children) : Inline;

public sealed record LinkInline(string Href, ImmutableArray<Inline> Children) : Inline;

public static class InlineText
{
    /// <summary>The words a reader hears: the inlines flattened to plain text.</summary>
    public static string PlainText(this IEnumerable<Inline> inlines)
    {
        var builder = new StringBuilder();
        Append(builder, inlines);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline text:
                    builder.Append(text.Text);
                    break;
                case StrongInline strong:
                    Append(builder, strong.Children);
                    break;
                case LinkInline link:
                    Append(builder, link.Children);
                    break;
            }
        }
    }
}
