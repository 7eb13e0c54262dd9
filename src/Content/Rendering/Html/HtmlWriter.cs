using System.Text;

namespace Leaflets.Content.Rendering.Html;

/// <summary>
/// Writes well-formed markup that is both valid HTML5 and parseable as XML: every element closed,
/// void elements self-closed, text and attributes always escaped. Nothing reaches the output unescaped
/// except the fixed markup of this assembly.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _builder = new();

    public HtmlWriter Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    public HtmlWriter Line()
    {
        _builder.Append('\n');
        return this;
    }

    public HtmlWriter Text(string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': _builder.Append("&amp;"); break;
                case '<': _builder.Append("&lt;"); break;
                case '>': _builder.Append("&gt;"); break;
                default: AppendCharacter(c); break;
            }
        }
        return this;
    }

    /// <summary>Opens an element; attributes with a null value are left out.</summary>
    public HtmlWriter Open(string name, params (string Name, string? Value)[] attributes)
    {
        WriteStartTag(name, attributes);
        _builder.Append('>');
        return this;
    }

    public HtmlWriter Close(string name)
    {
        _builder.Append("</").Append(name).Append('>');
        return this;
    }

    public HtmlWriter Void(string name, params (string Name, string? Value)[] attributes)
    {
        WriteStartTag(name, attributes);
        _builder.Append(" />");
        return this;
    }

    public HtmlWriter Element(string name, string text, params (string Name, string? Value)[] attributes)
        => Open(name, attributes).Text(text).Close(name);

    public override string ToString() => _builder.ToString();

    private void WriteStartTag(string name, (string Name, string? Value)[] attributes)
    {
        _builder.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }
            _builder.Append(' ').Append(attribute).Append("=\"");
            AppendAttributeValue(value);
            _builder.Append('"');
        }
    }

    private void AppendAttributeValue(string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': _builder.Append("&amp;"); break;
                case '<': _builder.Append("&lt;"); break;
                case '>': _builder.Append("&gt;"); break;
                case '"': _builder.Append("&quot;"); break;
                case '\'': _builder.Append("&#39;"); break;
                default: AppendCharacter(c); break;
            }
        }
    }

    // Control characters are not allowed in HTML text or XML; they can only come from a broken source file.
    private void AppendCharacter(char c)
    {
        if (char.IsControl(c) && c is not '\n' and not '\t' and not '\r')
        {
            _builder.Append('\uFFFD');
            return;
        }
        _builder.Append(c);
    }
}
