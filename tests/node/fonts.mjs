// Reports whether pages really use the Atkinson Hyperlegible webfont, in Debian's headless Chromium with each page's
// own Content-Security-Policy in force. For every URL, after document.fonts.ready:
//   {"page", "check": document.fonts.check('16px "Atkinson Hyperlegible"'),
//    "faces": [{family, weight, style, status}] (every face the page declared, and whether it loaded),
//    "rendered": {selector: [{familyName, isCustomFont, glyphCount}]} (the fonts Chromium drew each element's text with),
//    "blockedByContentSecurityPolicy": [...], "failedRequests": [...]}
// as {"pages":[...]} on stdout. Exit 0 when every page drew its text in the webfont, 1 when one did not, 2 when the
// check itself could not run.
// Usage: node fonts.mjs [--family NAME] [--select CSS-SELECTOR ...] <url> [...]
//   --select: elements whose rendered fonts to report (default: h1 and the first paragraph in main).
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function fail(message) {
  console.error(`fonts.mjs: ${message}`);
  process.exit(2);
}

let family = 'Atkinson Hyperlegible';
const selectors = [];
const targets = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--family') family = args[++i];
  else if (args[i] === '--select') selectors.push(args[++i]);
  else targets.push(args[i]);
}
if (selectors.length === 0) selectors.push('h1', 'main p');
if (targets.length === 0) fail('give one or more page URLs');
if (!existsSync(executablePath)) fail(`no browser at ${executablePath}: install Debian's chromium (apt-get install -y chromium)`);

const userDataDir = mkdtempSync(join(tmpdir(), 'leaflets-fonts-'));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = [];
  for (const target of targets) {
    const page = await context.newPage();
    const blocked = [];
    const failedRequests = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    page.on('requestfailed', (request) => failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400) failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    });
    const response = await page.goto(target, { waitUntil: 'load', timeout: 30000 });
    if (response && !response.ok()) throw new Error(`${target} answered HTTP ${response.status()}`);

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
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument', { depth: -1 });
    const rendered = {};
    for (const selector of selectors) {
      const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      if (!nodeId) {
        rendered[selector] = null;
        continue;
      }
      const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
      rendered[selector] = fonts.map((font) => ({ familyName: font.familyName, isCustomFont: font.isCustomFont, glyphCount: font.glyphCount }));
    }
    await session.detach();

    const usesFont = check
      && faces.some((face) => face.family === family && face.status === 'loaded')
      && Object.values(rendered).every((fonts) => fonts !== null && fonts.length > 0
        && fonts.every((font) => font.isCustomFont && font.familyName === family));
    results.push({ page: target, family, usesFont, check, faces, rendered, blockedByContentSecurityPolicy: blocked, failedRequests });
    await page.close();
  }
  console.log(JSON.stringify({ pages: results }, null, 2));
  process.exitCode = results.every((r) => r.usesFont) ? 0 : 1;
} catch (error) {
  console.error(`fonts.mjs: ${error.message}`);
  process.exitCode = 2;
} finally {
  if (context) await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
