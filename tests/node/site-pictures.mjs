// Takes the README's pictures of the website from a running server, in Debian's headless Chromium at 1024 CSS px
// wide: the home page, a search for "bone cement", the top of the leaflet it finds, and that leaflet's print form.
// Usage: node site-pictures.mjs <server base URL> <address the pictures show> <folder>
// The browser asks for the shown address (say http://localhost:7071/) and reaches the server's real port through a
// host-resolver rule, so the QR code and the address under it read as the README's own address, whatever port the
// server got. Exits 0 with the pictures written, 2 if they could not be made.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser.mjs';

const [serverArgument, shownArgument, folder] = process.argv.slice(2);
if (!serverArgument || !shownArgument || !folder) {
  console.error('site-pictures.mjs: usage: node site-pictures.mjs <server base URL> <address the pictures show> <folder>');
  process.exit(2);
}
const server = new URL(serverArgument);
const shown = new URL(shownArgument);
const width = 1024;
const height = 768;

/** Waits for the webfont, so a picture never shows the fallback font. */
async function open(page, path) {
  const response = await page.goto(new URL(path, shown).href);
  if (!response.ok()) throw new Error(`${path} answered HTTP ${response.status()}`);
  await page.evaluate(() => document.fonts.ready);
}

/** The window as the reader first sees it, or with clip (page coordinates) a part of the whole page. */
async function picture(page, name, clip) {
  const file = join(folder, `site-${name}.png`);
  await page.screenshot({ path: file, clip, fullPage: clip !== undefined, animations: 'disabled', caret: 'hide' });
  console.log(`${file} (${Math.round(statSync(file).size / 1024)} KB)`);
}

let browser;
try {
  mkdirSync(folder, { recursive: true });
  browser = await launchChromium({ args: [`--host-resolver-rules=MAP ${shown.host} ${server.host}`] });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });

  await open(page, '');
  await picture(page, 'home');

  await open(page, 'search?q=bone%20cement');
  await picture(page, 'search');

  const leaflet = await page.locator('ol.results > li h2 a').first().getAttribute('href');
  await open(page, new URL(leaflet, page.url()).pathname.slice(1));
  await picture(page, 'leaflet');

  // The print form with its heading, and the QR code, wherever the layout puts them on the page.
  const box = await page.evaluate(() => {
    const form = document.querySelector('form#print');
    const parts = [form.closest('section') ?? form, document.querySelector('main svg[role="img"]')].filter(Boolean);
    const rects = parts.map((part) => part.getBoundingClientRect());
    const y = Math.min(...rects.map((r) => r.top)) + window.scrollY;
    const bottom = Math.max(...rects.map((r) => r.bottom)) + window.scrollY;
    return { y, height: bottom - y };
  });
  const margin = 16;
  await picture(page, 'print', { x: 0, y: Math.max(0, box.y - margin), width, height: Math.ceil(box.height + 2 * margin) });
} catch (error) {
  console.error(`site-pictures.mjs: ${error.message}`);
  process.exitCode = 2;
} finally {
  if (browser) await browser.close();
}
