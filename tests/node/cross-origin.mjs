// A partner's web page on another origin calling the API with fetch() in Debian's headless Chromium: the page is served
// by a small http server here, on 127.0.0.1 at a port of its own, so it is a different origin from the API's.
// Usage: node cross-origin.mjs <API site root that allows the page> <API site root that allows only another origin>
// Prints {"pageOrigin","allowed":{...},"blocked":{...}} as JSON on stdout; exits 0 when the allowed calls succeeded and
// the blocked one was refused by the browser, 1 otherwise, 2 when the check could not run (no browser).
import { createServer } from 'node:http';
import { launchChromium, CannotRun } from './browser.mjs';

const [allowedBase, blockedBase] = process.argv.slice(2);
if (!allowedBase || !blockedBase) {
  console.error('cross-origin.mjs: usage: node cross-origin.mjs <API root allowing the page> <API root allowing another origin>');
  process.exit(2);
}
const leafletPath = '/api/leaflets/bone-scan';
const pdfPath = '/api/leaflets/bone-scan/pdf?size=24&paper=A5';

// The partner's page: nothing but a title; the calls are made from it by page.evaluate, as its own script would.
const page = createServer((request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end('<!doctype html><html lang="en"><title>Partner portal</title><h1>Partner portal</h1></html>');
});
await new Promise((resolve) => page.listen(0, '127.0.0.1', resolve));
const pageOrigin = `http://127.0.0.1:${page.address().port}`;

/** What a partner's script does: the leaflet, the same again with its ETag, then a PDF; every outcome recorded. */
function partnerCalls({ base, leafletPath, pdfPath }) {
  const attempt = async (what, run) => {
    try {
      return { what, ...(await run()) };
    } catch (error) {
      return { what, failed: `${error.name}: ${error.message}` };
    }
  };
  return (async () => {
    const leaflet = await attempt('leaflet', async () => {
      const response = await fetch(base + leafletPath, { headers: { Accept: 'application/json' } });
      const body = await response.json();
      return { status: response.status, etag: response.headers.get('ETag'), title: body.title, id: body.id };
    });
    // If-None-Match is not a CORS-safelisted header, so this fetch is preflighted. Tried even when no ETag could be
    // read (then with a made-up one, and a 200 at best), so that a refused preflight shows too.
    const repeat = await attempt('repeat', async () => {
      const etag = leaflet.etag ?? '"none-read"';
      const response = await fetch(base + leafletPath, { headers: { Accept: 'application/json', 'If-None-Match': etag } });
      return { status: response.status, etag: response.headers.get('ETag'), bodyLength: (await response.text()).length };
    });
    const pdf = await attempt('pdf', async () => {
      const response = await fetch(base + pdfPath);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        contentType: response.headers.get('Content-Type'),
        contentDisposition: response.headers.get('Content-Disposition'),
        size: bytes.length,
        magic: String.fromCharCode(...bytes.slice(0, 5)),
      };
    });
    return { leaflet, repeat, pdf };
  })();
}

let browser;
try {
  browser = await launchChromium();
} catch (error) {
  page.close();
  if (error instanceof CannotRun) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const report = { pageOrigin };
try {
  for (const [name, base] of [['allowed', allowedBase], ['blocked', blockedBase]]) {
    const tab = await browser.context.newPage();
    // Chromium says on the console why it refused an answer: the evidence that CORS, not the network, blocked it.
    const errors = [];
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await tab.goto(pageOrigin + '/');
    const calls = await tab.evaluate(partnerCalls, { base: base.replace(/\/$/, ''), leafletPath, pdfPath });
    report[name] = { ...calls, corsErrors: errors.filter((text) => /CORS policy/.test(text)) };
    await tab.close();
  }
} finally {
  await browser.close();
  page.close();
}

const { allowed, blocked } = report;
const passed = allowed.leaflet.status === 200 && !!allowed.leaflet.etag
  && allowed.repeat.status === 304
  && allowed.pdf.status === 200 && allowed.pdf.magic === '%PDF-'
  && !!blocked.leaflet.failed && !!blocked.repeat.failed && !!blocked.pdf.failed && blocked.corsErrors.length === 3;
process.stdout.write(JSON.stringify({ ...report, passed }, null, 2) + '\n');
process.exit(passed ? 0 : 1);
