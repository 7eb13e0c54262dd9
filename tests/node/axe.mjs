// Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) in Debian's headless Chromium over pages given as
// URLs or local HTML files. Prints {"pages":[{"page","blockedByContentSecurityPolicy":[...],"violations":[...]}]}
// as JSON on stdout and exits 1 if any page has a violation, 2 if the check itself could not run.
// Usage: node axe.mjs <url-or-file> [...]; a URL written <status>@<url> (404@http://...) is an error page expected
// to answer that status (any other status stops the check, so a mistyped URL is never checked as a 404 page).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, watchBlockedByPolicy } from './browser.mjs';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function fail(message) {
  console.error(`axe.mjs: ${message}`);
  process.exit(2);
}

const targets = process.argv.slice(2);
if (targets.length === 0) fail('give one or more URLs or HTML files');

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const toUrl = (target) => /^https?:\/\//.test(target) || target.startsWith('file:') ? target : pathToFileURL(resolve(target)).href;

let browser;
try {
  browser = await launchChromium();
  const { context } = browser;
  const results = [];
  for (const target of targets) {
    const page = await context.newPage();
    const blocked = watchBlockedByPolicy(page);
    const [, expectedStatus, address] = /^(?:(\d{3})@)?(.+)$/.exec(target);
    const response = await page.goto(toUrl(address), { waitUntil: 'load', timeout: 30000 });
    if (response && !toUrl(address).startsWith('file:')
        && (expectedStatus ? response.status() !== Number(expectedStatus) : !response.ok())) {
      throw new Error(`${address} answered HTTP ${response.status()}`);
    }
    // Through DevTools, which the page's policy does not govern: a script element would be refused by it.
    await page.evaluate(axeSource);
    const outcome = await page.evaluate(async (runTags) =>
      // eslint-disable-next-line no-undef
      await axe.run(document, { runOnly: { type: 'tag', values: runTags }, resultTypes: ['violations'] }), tags);
    results.push({
      page: target,
      blockedByContentSecurityPolicy: blocked,
      rulesRun: outcome.passes.length + outcome.violations.length + outcome.incomplete.length + outcome.inapplicable.length,
      violations: outcome.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
      })),
    });
    await page.close();
  }
  console.log(JSON.stringify({ axe: JSON.parse(readFileSync(createRequire(import.meta.url).resolve('axe-core/package.json'), 'utf8')).version, tags, pages: results }, null, 2));
  process.exitCode = results.some((r) => r.violations.length > 0) ? 1 : 0;
} catch (error) {
  console.error(`axe.mjs: ${error.message}`);
  process.exitCode = 2;
} finally {
  if (browser) await browser.close();
}
