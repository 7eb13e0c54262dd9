using Leaflets.Content.Rendering.Html;

namespace Leaflets.Content.Rendering.Site;

/// <summary>
/// The site's stylesheet (<c>/assets/site.css</c>): the leaflet page's own stylesheet (<see cref="HtmlStyles"/>, so a
/// leaflet looks the same on both), then the site's frame and forms. Large type, a focus nobody can miss, targets at
/// least 44 px, radio buttons big enough to hit, and no horizontal scrolling at 320 CSS px or 200% text: everything
/// wraps, long words and addresses included.
/// </summary>
internal static class SiteStyles
{
    public const string FileName = "site.css";

    public const string Css = HtmlStyles.Css + "\n" + Frame;

    private const string Frame = """
        body { overflow-wrap: anywhere; }
        .skip-link { position: absolute; left: 1rem; top: -20em; z-index: 1; padding: 0.5em 1em; background: #ffdd00; color: #000000; font-weight: 700; }
        .skip-link:focus { top: 0.5rem; }
        .site-header { border-bottom: 0.2rem solid #000000; padding: 0.5rem 0 1rem; }
        .site-header { padding-left: 1rem; padding-right: 1rem; }
        .site-header > * { max-width: 45rem; margin-left: auto; margin-right: auto; }
        .site-name { display: block; font-size: 1.4rem; font-weight: 700; padding: 0.5rem 0; }
        .search { margin: 0.5rem auto 0; }
        .search label { display: block; font-weight: 700; margin-bottom: 0.25rem; }
        .search-row { display: flex; flex-wrap: wrap; gap: 0.5rem; }
        input[type="search"] { flex: 1 1 10em; min-width: 0; min-height: 2.75rem; box-sizing: border-box; padding: 0.25em 0.5em; font: inherit; color: #000000; background: #ffffff; border: 0.15rem solid #000000; border-radius: 0; }
        button { min-height: 2.75rem; min-width: 2.75rem; padding: 0.3em 1.2em; font: inherit; font-weight: 700; color: #ffffff; background: #0b3d91; border: 0.15rem solid #0b3d91; border-radius: 0; cursor: pointer; }
        button:hover { background: #082c69; }
        main footer { max-width: none; padding: 0; }
        .site-footer { border-top: 0.2rem solid #000000; margin-top: 3em; padding-top: 1em; padding-bottom: 2em; }
        .topics, .results, .advice, .leaflet-nav ul, .paging ul, .languages ul, ul.languages { padding-left: 0; list-style: none; }
        .topics li, .leaflet-nav li, .paging li, .advice li, .languages li { margin-bottom: 0.25em; }
        .topics a, .leaflet-nav a, .paging a, .advice a, .languages a, .results h2 a, .results h3 a { display: inline-block; padding: 0.4em 0; min-height: 1.6em; }
        .advice { padding-left: 1.25em; list-style: disc; }
        .results > li { border-top: 1px solid #505a5f; padding-top: 0.75em; margin-bottom: 1.5em; }
        .results h2, .results h3 { margin: 0 0 0.25em; }
        .results .details { padding-left: 1.25em; }
        .results .details li { margin-bottom: 0.25em; }
        .results mark { background: #fff2a8; color: #000000; font-weight: 700; }
        .paging ul { display: flex; flex-wrap: wrap; gap: 0 2rem; }
        .leaflet-nav { border-bottom: 1px solid #505a5f; margin-top: 1em; }
        .leaflet-nav ul { margin: 0 0 0.5em; }
        fieldset { border: 0.15rem solid #000000; margin: 0 0 1.5em; padding: 0.5em 1em 0.75em; min-width: 0; }
        legend { font-weight: 700; padding: 0 0.25em; }
        .choice { display: flex; align-items: center; gap: 0.75rem; min-height: 2.75rem; }
        .choice input[type="radio"] { flex: none; width: 1.75rem; height: 1.75rem; margin: 0; accent-color: #0b3d91; }
        .choice label { padding: 0.35em 0; cursor: pointer; }
        .phone { display: flex; flex-wrap: wrap; gap: 1rem 1.5rem; align-items: flex-start; }
        .qr-code { flex: none; width: 11rem; height: auto; max-width: 100%; border: 1px solid #505a5f; }
        .phone p { flex: 1 1 12em; margin: 0; }
        .address { font-weight: 700; overflow-wrap: anywhere; }
        @media print {
          .skip-link, .site-header, .site-footer, .leaflet-nav, nav.languages, .printing, .phone-section { display: none; }
        }
        """;
}
