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
import { launchChromium, watchBlockedByPolicy } from './browser.mjs';
import { webfontUse } from './webfont.mjs';

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

let browser;
try {
  browser = await launchChromium();
  const { context } = browser;
  const results = [];
  for (const target of targets) {
    const page = await context.newPage();
    const blocked = watchBlockedByPolicy(page);
    const failedRequests = [];
    page.on('requestfailed', (request) => failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400) failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    });
    const response = await page.goto(target, { waitUntil: 'load', timeout: 30000 });
    if (response && !response.ok()) throw new Error(`${target} answered HTTP ${response.status()}`);

    const { check, faces, rendered, usesFont } = await webfontUse(context, page, family, selectors);
    results.push({ page: target, family, usesFont, check, faces, rendered, blockedByContentSecurityPolicy: blocked, failedRequests });
    await page.close();
  }
  console.log(JSON.stringify({ pages: results }, null, 2));
  process.exitCode = results.every((r) => r.usesFont) ? 0 : 1;
} catch (error) {
  console.error(`fonts.mjs: ${error.message}`);
  process.exitCode = 2;
} finally {
  if (browser) await browser.close();
}
