// Whether an open page really draws its text in a webfont: what the page declared and loaded, and what Chromium drew
// each chosen element's text with. Shared by fonts.mjs (any page) and site-flows.mjs (every page type of the site).

/**
 * Call after the page has loaded. Returns {check, faces, rendered, usesFont}: check is
 * document.fonts.check('16px "family"') after document.fonts.ready; faces every face the page declared and its
 * status; rendered, per selector, the fonts Chromium drew the first matching element's text with (null when nothing
 * matches); usesFont whether a face of family loaded and every selector's text is drawn in it alone.
 */
export async function webfontUse(context, page, family, selectors) {
  const { check, faces } = await page.evaluate(async (name) => {
    await document.fonts.ready;
    return {
      check: document.fonts.check(`16px "${name}"`),
      faces: [...document.fonts].map((face) => ({
        family: face.family.replace(/^["']|["']$/g, ''), weight: face.weight, style: face.style, status: face.status,
      })),
    };
  }, family);

  // What Chromium actually drew with: document.fonts.check is true for a family no face declares at all.
  const session = await context.newCDPSession(page);
  const rendered = {};
  try {
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument', { depth: -1 });
    for (const selector of selectors) {
      const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      if (!nodeId) {
        rendered[selector] = null;
        continue;
      }
      const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
      rendered[selector] = fonts.map((font) => ({ familyName: font.familyName, isCustomFont: font.isCustomFont, glyphCount: font.glyphCount }));
    }
  } finally {
    await session.detach();
  }

  const usesFont = check
    && faces.some((face) => face.family === family && face.status === 'loaded')
    && Object.values(rendered).every((fonts) => fonts !== null && fonts.length > 0
      && fonts.every((font) => font.isCustomFont && font.familyName === family));
  return { check, faces, rendered, usesFont };
}
