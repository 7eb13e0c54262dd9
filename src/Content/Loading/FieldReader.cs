using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Leaflets.Content.Loading;

/// <summary>Typed, line-aware access to one YAML mapping (the front matter, or one codes/references entry).</summary>
internal sealed class FieldReader(YamlMappingNode mapping, int lineOffset, ProblemLog problems, int missingKeyLine)
{
    private readonly int _errorsBefore = CountErrors(problems);

    public int Line => LineOfNode(mapping);

    public bool HadErrors => CountErrors(problems) != _errorsBefore;

    public bool Has(string key) => Find(key) is not null;

    public int LineOf(string key) => Find(key) is { } pair ? LineOfNode(pair.Key) : Line;

    public void RejectUnknown(IReadOnlyCollection<string> known, string where)
    {
        foreach (var (key, _) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                problems.Add(LineOfNode(key), ContentRules.KeyUnknown,
                    $"unknown key '{name}' in the {where}; allowed keys are {string.Join(", ", known)}");
            }
        }
    }

    public string? RequiredText(string key)
    {
        if (Find(key) is null)
        {
            problems.Add(missingKeyLine, ContentRules.KeyMissing, $"the required key '{key}' is missing from the front matter");
            return null;
        }
        return OptionalText(key);
    }

    public string? OptionalText(string key)
    {
        if (Find(key) is not { } pair)
        {
            return null;
        }
        if (pair.Value is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value) || IsNull(scalar))
        {
            problems.Add(LineOfNode(pair.Value), ContentRules.ValueInvalid, $"'{key}' must be non-empty text");
            return null;
        }
        return scalar.Value.Trim();
    }

    public DateOnly? Date(string key, bool required)
    {
        var text = required ? RequiredText(key) : OptionalText(key);
        if (text is null)
        {
            return null;
        }
        var date = FrontMatterReader.ParseDate(text);
        if (date is null)
        {
            problems.Add(LineOf(key), ContentRules.DateInvalid, $"'{key}' is '{text}'; write the date as yyyy-MM-dd, e.g. 2024-03-01");
        }
        return date;
    }

    public int? Integer(string key, bool required)
    {
        var text = required ? RequiredText(key) : OptionalText(key);
        if (text is null)
        {
            return null;
        }
        var scalar = (YamlScalarNode)Find(key)!.Value.Value;
        if (scalar.Style is ScalarStyle.Plain && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        problems.Add(LineOf(key), ContentRules.ValueInvalid, $"'{key}' must be a whole number, not '{text}'");
        return null;
    }

    public ImmutableArray<string>? TextList(string key)
    {
        if (Find(key) is not { } pair)
        {
            return [];
        }
        if (pair.Value is not YamlSequenceNode sequence)
        {
            problems.Add(LineOfNode(pair.Value), ContentRules.ValueInvalid, $"'{key}' must be a list, e.g. [first, second]");
            return null;
        }
        var items = ImmutableArray.CreateBuilder<string>();
        var ok = true;
        foreach (var item in sequence)
        {
            if (item is YamlScalarNode { Value: { } value } scalar && !string.IsNullOrWhiteSpace(value) && !IsNull(scalar))
            {
                items.Add(value.Trim());
            }
            else
            {
                problems.Add(LineOfNode(item), ContentRules.ValueInvalid, $"each entry of '{key}' must be non-empty text");
                ok = false;
            }
        }
        return ok ? items.ToImmutable() : null;
    }

    public ImmutableArray<T>? Entries<T>(string key, bool required, Func<FieldReader, T?> read) where T : class
    {
        if (Find(key) is not { } pair)
        {
            if (required)
            {
                problems.Add(missingKeyLine, ContentRules.KeyMissing, $"the required key '{key}' is missing from the front matter");
                return null;
            }
            return [];
        }
        if (pair.Value is not YamlSequenceNode sequence || (required && sequence.Children.Count == 0))
        {
            problems.Add(LineOfNode(pair.Value), ContentRules.ValueInvalid,
                required ? $"'{key}' must be a list with at least one entry" : $"'{key}' must be a list of entries");
            return null;
        }
        var entries = ImmutableArray.CreateBuilder<T>();
        var ok = true;
        foreach (var item in sequence)
        {
            if (item is not YamlMappingNode entryMapping)
            {
                problems.Add(LineOfNode(item), ContentRules.ValueInvalid, $"each entry of '{key}' must be a set of 'key: value' lines");
                ok = false;
                continue;
            }
            var entry = read(new FieldReader(entryMapping, lineOffset, problems, LineOfNode(entryMapping)));
            if (entry is null)
            {
                ok = false;
            }
            else
            {
                entries.Add(entry);
            }
        }
        return ok ? entries.ToImmutable() : null;
    }

    private KeyValuePair<YamlNode, YamlNode>? Find(string key)
    {
        foreach (var pair in mapping.Children)
        {
            if (pair.Key is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.Ordinal))
            {
                return pair;
            }
        }
        return null;
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL";

    private int LineOfNode(YamlNode node) => lineOffset + (int)Math.Max(1, node.Start.Line);

    private static int CountErrors(ProblemLog problems) => problems.ErrorCount;
}
