namespace Leaflets.Content.Catalog;

/// <summary>Bound from the "Content" configuration section (env <c>Content__Root</c>, ...).</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>The folder that holds <c>leaflets/</c>. Relative paths are resolved against the working directory.</summary>
    public string Root { get; set; } = "content";
}
