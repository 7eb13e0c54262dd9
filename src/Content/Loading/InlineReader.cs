using System.Collections.Immutable;
using System.Text;
using Leaflets.Content.Model;
using Markdig.Extensions.Footnotes;
using Md = Markdig.Syntax.Inlines;

namespace Leaflets.Content.Loading;

/// <summary>
/// Turns Markdig inlines into the model's text, strong and link inlines. Soft and hard line breaks become
/// spaces (line wrapping in the source carries no meaning); everything outside the format is reported.
/// </summary>
internal sealed class InlineReader(ProblemLog problems)
{
    public ImmutableArray<Inline> Read(Md.ContainerInline? container)
    {
        var builder = new InlineBuilder();
        if (container is not null)
        {
            AppendChildren(container, builder);
        }
        return builder.Build();
    }

    private void AppendChildren(Md.ContainerInline container, InlineBuilder builder)
    {
        foreach (var child in container)
        {
            Append(child, builder);
        }
    }

    private void Append(Md.Inline inline, InlineBuilder builder)
    {
        var line = inline.Line + 1;
        switch (inline)
        {
            case Md.LiteralInline literal:
                builder.Text(literal.Content.ToString());
                break;
            case Md.LineBreakInline:
                builder.Text(" ");
                break;
            case Md.HtmlEntityInline entity:
                builder.Text(entity.Transcoded.ToString());
                break;
            case Md.EmphasisInline emphasis:
                if (emphasis.DelimiterCount < 2)
                {
                    problems.Add(line, ContentRules.ItalicEmphasis,
                        "italics are hard to read in large print and are shown as bold; use **bold** for emphasis");
                }
                builder.Add(new StrongInline(Read(emphasis)));
                break;
            case Md.LinkInline { IsImage: true } image:
                problems.Add(line, ContentRules.ImageInline,
                    $"image '{image.Url}' sits inside text; a figure must be alone in its own paragraph");
                break;
            case Md.LinkInline link:
                builder.Add(ReadLink(link.Url ?? string.Empty, Read(link), line));
                break;
            case Md.AutolinkInline autolink:
                problems.Add(line, ContentRules.LinkTextVague,
                    $"the bare address <{autolink.Url}> is not link text; write [words that say where it goes]({autolink.Url})");
                break;
            case Md.CodeInline code:
                problems.Add(line, ContentRules.CodeInline, $"inline code `{code.Content}` is not part of the format; write plain words");
                break;
            case Md.HtmlInline html:
                problems.Add(line, ContentRules.HtmlInline, $"raw HTML '{html.Tag}' is not allowed; use Markdown");
                break;
            case FootnoteLink:
                problems.Add(line, ContentRules.Footnote, "footnotes are not allowed; put the words in the text or in references");
                break;
            case Md.ContainerInline container:
                AppendChildren(container, builder);
                break;
            default:
                problems.Add(line, ContentRules.UnsupportedMarkdown, $"'{inline.GetType().Name}' is not part of the authoring format");
                break;
        }
    }

    private LinkInline ReadLink(string url, ImmutableArray<Inline> children, int line)
    {
        var text = children.PlainText();
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(line, ContentRules.LinkTextEmpty, $"the link to '{url}' has no text; say where it goes");
        }
        else if (LinkText.Problem(text, url) is { } why)
        {
            problems.Add(line, ContentRules.LinkTextVague, why);
        }
        if (!UrlRules.IsAllowedLink(url))
        {
            problems.Add(line, ContentRules.LinkUrlInvalid, $"link '{url}' must be an absolute http(s) URL, or a mailto: or tel: link");
        }
        return new LinkInline(url, children);
    }

    /// <summary>Joins neighbouring text runs so the model has one TextInline per run of plain words.</summary>
    private sealed class InlineBuilder
    {
        private readonly ImmutableArray<Inline>.Builder _inlines = ImmutableArray.CreateBuilder<Inline>();
        private readonly StringBuilder _text = new();

        public void Text(string text) => _text.Append(text);

        public void Add(Inline inline)
        {
            Flush();
            _inlines.Add(inline);
        }

        public ImmutableArray<Inline> Build()
        {
            Flush();
            return _inlines.ToImmutable();
        }

        private void Flush()
        {
            if (_text.Length > 0)
            {
                _inlines.Add(new TextInline(_text.ToString()));
                _text.Clear();
            }
        }
    }
}
