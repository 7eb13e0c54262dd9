namespace Leaflets.Content.Tests;

/// <summary>A small valid plain leaflet, for tests that load, refresh, publish or cache content (shared with the storage tests).</summary>
internal static class SampleLeaflets
{
    public static string Markdown(string title, int version) => $"""
        ---
        title: {title}
        summary: How to keep your wound clean and dry after your operation.
        language: en-GB
        lastReviewed: 2025-01-10
        version: {version}
        references:
          - title: Caring for a wound at home
            publisher: Example Health Board
            year: 2024
        ---

        ## Keep it clean

        Wash your hands before you touch the dressing.

        ## When to call us

        Call us if the wound gets red, hot or painful.

        """;
}
