using System.Text.Json.Serialization;

namespace Leaflets.Content.Rendering.Json;

/// <summary>One block of the body; <c>type</c> says which, so clients switch on it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeadingJson), "heading")]
[JsonDerivedType(typeof(ParagraphJson), "paragraph")]
[JsonDerivedType(typeof(ListJson), "list")]
[JsonDerivedType(typeof(FigureJson), "figure")]
[JsonDerivedType(typeof(CalloutJson), "callout")]
[JsonDerivedType(typeof(TableJson), "table")]
[JsonDerivedType(typeof(RowJson), "row")]
internal abstract record BlockJson;

/// <summary><c>anchor</c> is the fragment id of the section, unique within the document.</summary>
internal sealed record HeadingJson(int Level, string Text, string Anchor) : BlockJson;

/// <summary><c>text</c> repeats the words without markup, for clients that only speak or index them.</summary>
internal sealed record ParagraphJson(IReadOnlyList<InlineJson> Inlines, string Text) : BlockJson;

internal sealed record ListJson(bool Ordered, IReadOnlyList<ListItemJson> Items) : BlockJson;

internal sealed record ListItemJson(IReadOnlyList<BlockJson> Blocks);

/// <summary><c>src</c> is absolute; a decorative figure has an empty <c>alt</c> and is skipped by screen readers.</summary>
internal sealed record FigureJson(string Src, string Alt, string? Caption, bool Decorative) : BlockJson;

internal sealed record CalloutJson(string Label, IReadOnlyList<BlockJson> Blocks) : BlockJson;

internal sealed record TableJson(IReadOnlyList<CellJson> Header, IReadOnlyList<IReadOnlyList<CellJson>> Rows) : BlockJson;

internal sealed record CellJson(IReadOnlyList<InlineJson> Inlines, string Text);

/// <summary>Easy read: a picture with the words that sit beside it.</summary>
internal sealed record RowJson(FigureJson Figure, IReadOnlyList<BlockJson> Blocks) : BlockJson;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextJson), "text")]
[JsonDerivedType(typeof(StrongJson), "strong")]
[JsonDerivedType(typeof(LinkJson), "link")]
internal abstract record InlineJson;

internal sealed record TextJson(string Text) : InlineJson;

internal sealed record StrongJson(IReadOnlyList<InlineJson> Inlines) : InlineJson;

internal sealed record LinkJson(string Href, IReadOnlyList<InlineJson> Inlines) : InlineJson;
