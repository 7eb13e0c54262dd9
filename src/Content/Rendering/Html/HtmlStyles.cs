namespace Leaflets.Content.Rendering.Html;

/// <summary>
/// The one stylesheet of the HTML rendering, embedded so that a saved page stays readable on its own.
/// Numbers follow shared/standards.md: large type (1.25rem body), line height 1.6, black on white,
/// about 65 characters per line, a focus outline nobody can miss, and a print layout that prints link targets.
/// </summary>
internal static class HtmlStyles
{
    public const string Css = """
        :root { color-scheme: light; }
        html { font-size: 100%; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; background: #ffffff; color: #000000; font-family: "Atkinson Hyperlegible", Verdana, Arial, sans-serif; font-size: 1.25rem; line-height: 1.6; text-align: left; hyphens: manual; }
        main, footer, nav.variants { max-width: 36em; margin: 0 auto; padding: 0 1rem; }
        h1, h2, h3 { font-weight: 700; line-height: 1.25; margin: 1.5em 0 0.5em; break-after: avoid; }
        h1 { font-size: 2.25rem; margin-top: 0.75em; }
        h2 { font-size: 1.75rem; }
        h3 { font-size: 1.4rem; }
        p, ul, ol, dl, table, figure, .callout { margin: 0 0 1.25em; }
        li { margin-bottom: 0.5em; }
        li > ul, li > ol { margin-top: 0.5em; }
        strong { font-weight: 700; }
        em, i { font-style: normal; font-weight: 700; }
        a { color: #0b3d91; text-decoration: underline; text-underline-offset: 0.15em; }
        a:visited { color: #4c2c92; }
        a:hover { text-decoration-thickness: 0.2em; }
        :focus-visible { outline: 0.25rem solid #000000; outline-offset: 0.2rem; background: #ffdd00; color: #000000; }
        .summary { font-size: 1.4rem; }
        nav.variants p { margin: 1em 0 0; }
        img { max-width: 100%; height: auto; }
        figure { margin-left: 0; margin-right: 0; }
        figcaption { font-size: 1em; margin-top: 0.5em; }
        .callout { border-left: 0.5rem solid #000000; background: #f3f2f1; padding: 0.75em 1em; }
        .callout > :last-child { margin-bottom: 0; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #000000; padding: 0.5em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #f3f2f1; }
        .picture-row { display: grid; grid-template-columns: minmax(6rem, 12rem) 1fr; gap: 1.5rem; align-items: start; margin-bottom: 1.5em; }
        .picture-row .picture figure, .picture-row .picture img { margin: 0; }
        .picture-row .words > :last-child { margin-bottom: 0; }
        @media (max-width: 32em) { .picture-row { grid-template-columns: 1fr; gap: 0.5rem; } }
        .about { border-top: 0.2rem solid #000000; margin-top: 2em; }
        .about dt { font-weight: 700; }
        .about dd { margin: 0 0 0.5em; }
        .review-overdue, .translation-unreviewed { border-left: 0.5rem solid #1d70b8; padding: 0.5em 1em; background: #f3f2f1; }
        .references li { overflow-wrap: anywhere; }
        @media print {
          body { font-size: 18pt; }
          main, footer { max-width: none; padding: 0; }
          nav { display: none; }
          a { color: #000000; }
          a[href^="http"]::after { content: " (" attr(href) ")"; overflow-wrap: anywhere; }
          .picture-row, figure, table, .callout { break-inside: avoid; }
          :focus-visible { outline: none; background: none; }
        }
        """;
}
