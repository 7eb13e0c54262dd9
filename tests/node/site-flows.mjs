// The library website as people use it, in Debian's headless Chromium: the clinic's flow by pointer and by keyboard
// alone (ending in a downloaded PDF), and on every page type the skip link, reflow at 320 CSS px and at 200% text
// size, and the webfont really drawing the text.
// Usage: node site-flows.mjs <site base URL> <folder for the PDFs>
// Prints {"base","checks":[{check, passed, failures:[...], ...measurements}]} as JSON on stdout; exits 0 when every
// check passed, 1 when one failed, 2 when the checks could not run (no browser, server not answering).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, CannotRun, watchBlockedByPolicy } from './browser.mjs';
import { webfontUse } from './webfont.mjs';

const [baseArgument, pdfFolder] = process.argv.slice(2);
if (!baseArgument || !pdfFolder) {
  console.error('site-flows.mjs: usage: node site-flows.mjs <site base URL> <folder for the PDFs>');
  process.exit(2);
}
const base = baseArgument.endsWith('/') ? baseArgument : `${baseArgument}/`;

// What the clinic was asked for in the issue: "print the bone cement leaflet at 24 point" on A4.
const searchWords = 'bone cement';
const printSize = '24';
const printPaper = 'A4';
const noResultsWords = 'zqxjv wvkpq';
const webfont = 'Atkinson Hyperlegible';
// Chromium's defaults are 16 px (standard) and 13 px (fixed); twice them is what a reader gets by setting the
// browser's text size to 200%, which scales text only, never the viewport.
const zoomedFontSizes = { standard: 32, fixed: 26 };
// Enough Tab presses to cross the longest page (every link in the leaflet) without looping forever on a broken one.
const maxTabs = 300;

const checks = [];
const check = (name, fields) => {
  const entry = { check: name, passed: true, failures: [], ...fields };
  checks.push(entry);
  return {
    entry,
    expect(condition, failure) {
      if (!condition) {
        entry.passed = false;
        entry.failures.push(failure);
      }
      return condition;
    },
  };
};

/** The focused element in words, for the report and for deciding where focus is. */
function describeFocus() {
  const element = document.activeElement;
  if (!element || element === document.body) return { tag: 'body' };
  const main = document.querySelector('main');
  const style = getComputedStyle(element);
  const text = (element.getAttribute('aria-label') ?? element.innerText ?? '').trim().replace(/\s+/g, ' ').slice(0, 80);
  return {
    tag: element.tagName.toLowerCase(),
    id: element.id || undefined,
    name: element.getAttribute('name') ?? undefined,
    type: element.getAttribute('type') ?? undefined,
    value: element.value || undefined,
    checked: element.type === 'radio' ? element.checked : undefined,
    role: element.getAttribute('role') ?? undefined,
    href: element.getAttribute('href') ?? undefined,
    text: text || undefined,
    form: element.form?.id || undefined,
    inHeader: !!element.closest('header'),
    inMain: !!element.closest('main'),
    afterMainStarts: !!main && (main.contains(element) || !!(main.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)),
    inFirstResult: element === document.querySelector('ol.results > li h2 a'),
    isSkipLink: element.tagName === 'A' && element.getAttribute('href')?.endsWith('#main') === true,
    // What :focus-visible draws: an outline or a box shadow a sighted keyboard user can see.
    focusIndicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
  };
}

async function focusOf(page) {
  return page.evaluate(describeFocus);
}

/** Presses a key, records where focus went, and says whether it is where the flow expects it. */
async function press(page, steps, key, expected, what, test) {
  await page.keyboard.press(key);
  const focus = await focusOf(page);
  steps.push({ key, expected: what, focus });
  if (expected) test.expect(expected(focus), `after ${key}, focus should be on ${what} but is on ${JSON.stringify(focus)}`);
  if (focus.tag !== 'body') test.expect(focus.focusIndicator, `focus on ${what} has no visible indicator: ${JSON.stringify(focus)}`);
  return focus;
}

/**
 * Presses Tab until focus satisfies target (no press when it already does), recording where it arrived; false when
 * limit presses never got there.
 */
async function tabUntil(page, steps, target, what, test, limit = maxTabs) {
  for (let presses = 0; presses <= limit; presses++) {
    if (presses > 0) await page.keyboard.press('Tab');
    const focus = await focusOf(page);
    if (target(focus)) {
      steps.push({ key: `Tab x${presses}`, expected: what, focus });
      test.expect(focus.focusIndicator, `focus on ${what} has no visible indicator: ${JSON.stringify(focus)}`);
      return true;
    }
  }
  test.expect(false, `${limit} presses of Tab never reached ${what}`);
  return false;
}

/** Starts a download by doing action, saves the file, and returns what the server answered for it. */
async function downloadPdf(page, action, file) {
  const [response, download] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/pdf')),
    page.waitForEvent('download'),
    action(),
  ]);
  await download.saveAs(file);
  return { url: response.url(), status: response.status(), contentType: response.headers()['content-type'], file };
}

/** Opens the site's home page, searches, opens the first result and prints it: by pointer. */
async function clinicFlow(context) {
  const test = check('clinic flow', { steps: [] });
  const page = await context.newPage();
  try {
    await page.goto(base);
    const box = page.locator('input[type="search"][name="q"]').first();
    await box.click();
    await box.pressSequentially(searchWords);
    await Promise.all([page.waitForURL((url) => url.pathname.endsWith('/search')), box.press('Enter')]);
    const count = (await page.locator('#result-count').textContent())?.trim();
    test.entry.steps.push({ step: 'searched', url: page.url(), title: await page.title(), resultCount: count });
    test.expect(count && (await page.title()).startsWith(count), `the title should start with the count sentence "${count}"`);
    const first = page.locator('ol.results > li h2 a').first();
    const title = (await first.textContent())?.trim();
    await Promise.all([page.waitForURL((url) => url.pathname.includes('/leaflets/')), first.click()]);
    test.entry.steps.push({ step: 'opened the first result', title, url: page.url(), h1: (await page.locator('h1').textContent())?.trim() });

    const form = page.locator('form#print');
    await form.getByRole('radio', { name: new RegExp(`^${printSize} point`) }).check();
    await form.getByRole('radio', { name: printPaper, exact: true }).check();
    test.entry.steps.push({ step: 'chose size and paper', size: printSize, paper: printPaper });
    const pdf = await downloadPdf(page, () => form.locator('button[type="submit"], button:not([type])').first().click(),
      join(pdfFolder, 'clinic-flow.pdf'));
    test.entry.pdf = pdf;
    test.expect(pdf.status === 200, `the PDF answered HTTP ${pdf.status}`);
    test.expect(pdf.contentType === 'application/pdf', `the PDF came as ${pdf.contentType}`);
    const query = new URL(pdf.url).searchParams;
    test.expect(query.get('size') === printSize && query.get('paper') === printPaper,
      `the form asked for ${pdf.url}, not size ${printSize} on ${printPaper}`);
  } catch (error) {
    test.expect(false, `the flow stopped: ${error.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return test.entry;
}

/** The same flow with the keyboard alone, asserting where focus is after each key. */
async function keyboardFlow(context) {
  const test = check('keyboard flow', { steps: [] });
  const steps = test.entry.steps;
  const page = await context.newPage();
  const isSearchBox = (f) => f.tag === 'input' && f.type === 'search' && f.name === 'q';
  const isRadio = (name, value) => (f) => f.tag === 'input' && f.type === 'radio' && f.name === name
    && (value === undefined || f.value === value) && f.checked === true && f.form === 'print';
  try {
    await page.goto(base);
    await press(page, steps, 'Tab', (f) => f.isSkipLink, 'the skip link, first on the page', test);
    if (!await tabUntil(page, steps, isSearchBox, 'the search box', test, 10)) return test.entry;
    await page.keyboard.type(searchWords);
    await Promise.all([page.waitForURL((url) => url.pathname.endsWith('/search')), page.keyboard.press('Enter')]);
    const searched = new URL(page.url());
    steps.push({ key: 'Enter', expected: 'the search page', url: page.url() });
    test.expect(searched.searchParams.get('q') === searchWords, `the search went to ${page.url()}`);

    await press(page, steps, 'Tab', (f) => f.isSkipLink, 'the skip link, first on the page', test);
    await page.keyboard.press('Enter');
    steps.push({ key: 'Enter', expected: 'the skip link followed', url: page.url() });
    await press(page, steps, 'Tab', (f) => f.afterMainStarts && !f.inHeader, 'the first stop inside the content, past the header', test);
    if (!await tabUntil(page, steps, (f) => f.inFirstResult, 'the first result', test, 20)) return test.entry;
    await Promise.all([page.waitForURL((url) => url.pathname.includes('/leaflets/')), page.keyboard.press('Enter')]);
    steps.push({ key: 'Enter', expected: 'the leaflet page', url: page.url() });

    await press(page, steps, 'Tab', (f) => f.isSkipLink, 'the skip link, first on the page', test);
    // Tab enters a radio group on its checked button: the variant shown, then the default size and paper.
    const current = new URL(page.url()).searchParams.get('variant') ?? 'plain';
    if (!await tabUntil(page, steps, (f) => f.form === 'print', 'the print form', test)) return test.entry;
    const entered = steps.at(-1).focus;
    test.expect(isRadio('variant', current)(entered), `the print form should start on the checked variant "${current}", not ${JSON.stringify(entered)}`);
    await press(page, steps, 'Tab', isRadio('size', '18'), 'size 18, checked by default', test);
    await press(page, steps, 'ArrowDown', isRadio('size', '20'), 'size 20, checked by the arrow key', test);
    await press(page, steps, 'ArrowDown', isRadio('size', printSize), `size ${printSize}, checked by the arrow key`, test);
    await press(page, steps, 'Tab', isRadio('paper', printPaper), `paper ${printPaper}, checked by default`, test);
    await press(page, steps, 'Shift+Tab', isRadio('size', printSize), `back on size ${printSize}, still checked`, test);
    await press(page, steps, 'Tab', isRadio('paper', printPaper), `paper ${printPaper} again`, test);
    await press(page, steps, 'Tab', (f) => f.tag === 'button' && f.form === 'print', 'the print button', test);
    const pdf = await downloadPdf(page, () => page.keyboard.press('Enter'), join(pdfFolder, 'keyboard-flow.pdf'));
    steps.push({ key: 'Enter', expected: 'the PDF', url: pdf.url });
    test.entry.pdf = pdf;
    test.expect(pdf.status === 200, `the PDF answered HTTP ${pdf.status}`);
    test.expect(pdf.contentType === 'application/pdf', `the PDF came as ${pdf.contentType}`);
    const query = new URL(pdf.url).searchParams;
    test.expect(query.get('variant') === current && query.get('size') === printSize && query.get('paper') === printPaper,
      `the form asked for ${pdf.url}, not ${current} at size ${printSize} on ${printPaper}`);
  } catch (error) {
    test.expect(false, `the flow stopped: ${error.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return test.entry;
}

/** Opens url in a fresh page of the given viewport width (and text size), waiting for its fonts. */
async function open(context, url, width, fontSizes) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 800 });
  const blocked = watchBlockedByPolicy(page);
  if (fontSizes) await (await context.newCDPSession(page)).send('Page.setFontSizes', { fontSizes });
  const response = await page.goto(url);
  await page.evaluate(() => document.fonts.ready);
  return { page, response, blocked };
}

/** Text sizes and what overflows sideways, if anything. */
function measureLayout() {
  const root = document.documentElement;
  const px = (selector) => {
    const element = document.querySelector(selector);
    return element ? parseFloat(getComputedStyle(element).fontSize) : null;
  };
  const describe = (element) => element.tagName.toLowerCase() + (element.id ? `#${element.id}` : '')
    + (element.classList.length ? `.${[...element.classList].join('.')}` : '');
  const overflowing = [...document.body.querySelectorAll('*')]
    .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5)
    .slice(0, 5).map((element) => `${describe(element)} (right edge ${Math.round(element.getBoundingClientRect().right)})`);
  return {
    scrollWidth: root.scrollWidth,
    clientWidth: root.clientWidth,
    rootFontSize: px('html'),
    h1FontSize: px('main h1'),
    bodyTextFontSize: px('main p'),
    overflowing,
  };
}

/** The page types, found the way a reader finds them: from the home page and the clinic's search. */
async function pageTypes(context) {
  const page = await context.newPage();
  try {
    await page.goto(base);
    const topic = await page.locator('main a[href*="topics/"]').first().evaluate((a) => a.href);
    await page.goto(new URL(`search?q=${encodeURIComponent(searchWords)}`, base).href);
    const leaflet = await page.locator('ol.results > li h2 a').first().evaluate((a) => a.href);
    const plain = new URL(leaflet);
    plain.search = '';
    const easyRead = new URL(plain);
    easyRead.searchParams.set('variant', 'easy-read');
    return [
      { type: 'home', url: base, status: 200 },
      { type: 'search with results', url: new URL(`search?q=${encodeURIComponent(searchWords)}`, base).href, status: 200 },
      { type: 'search with no results', url: new URL(`search?q=${encodeURIComponent(noResultsWords)}`, base).href, status: 200 },
      { type: 'topic', url: topic, status: 200 },
      { type: 'leaflet plain', url: plain.href, status: 200 },
      { type: 'leaflet easy read', url: easyRead.href, status: 200 },
      { type: 'not found', url: new URL('no-such-page/anywhere', base).href, status: 404 },
    ];
  } finally {
    await page.close();
  }
}

/** The skip link comes first and takes keyboard focus past the header; the webfont draws the text. */
async function pageChecks(context, { type, url, status }) {
  const skip = check('skip link', { page: type, url, steps: [] });
  const font = check('webfont', { page: type, url });
  const { page, response, blocked } = await open(context, url, 1280);
  try {
    skip.expect(response.status() === status, `answered HTTP ${response.status()}, not ${status}`);
    font.expect(response.status() === status, `answered HTTP ${response.status()}, not ${status}`);
    await press(page, skip.entry.steps, 'Tab', (f) => f.isSkipLink, 'the skip link, first on the page', skip);
    await page.keyboard.press('Enter');
    // From main on there may be nothing to focus (a short page): then Tab wraps round to the skip link again.
    const nothingAfter = await page.evaluate(() => {
      const main = document.querySelector('main');
      return !main || ![...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].some((element) =>
        main.contains(element) || main.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    await press(page, skip.entry.steps, 'Tab', (f) => (f.afterMainStarts && !f.inHeader) || (nothingAfter && f.isSkipLink),
      'the first stop past the header', skip);

    const use = await webfontUse(context, page, webfont, ['main h1', 'main p']);
    Object.assign(font.entry, { fontsCheck: use.check, faces: use.faces, rendered: use.rendered, blockedByContentSecurityPolicy: blocked });
    font.expect(use.check, `document.fonts.check says "${webfont}" is not ready`);
    for (const weight of ['400', '700']) {
      font.expect(use.faces.some((face) => face.family === webfont && face.weight === weight && face.status === 'loaded'),
        `no ${webfont} ${weight} face loaded: ${JSON.stringify(use.faces)}`);
    }
    for (const [selector, fonts] of Object.entries(use.rendered)) {
      font.expect(fonts !== null && fonts.length > 0 && fonts.every((f) => f.familyName === webfont && f.isCustomFont),
        `${selector} is drawn with ${JSON.stringify(fonts)}, not only ${webfont}`);
    }
    font.expect(blocked.length === 0, `the page's Content-Security-Policy blocked: ${blocked.join('; ')}`);
  } finally {
    await page.close();
  }
}

/** No sideways scrolling at 320 CSS px wide, nor at 1280 px with the browser's text size at 200%. */
async function reflowChecks(context, { type, url }) {
  const narrow = check('reflow', { page: type, url, width: 320, textSize: '100%' });
  let opened = await open(context, url, 320);
  try {
    Object.assign(narrow.entry, await opened.page.evaluate(measureLayout));
  } finally {
    await opened.page.close();
  }
  narrow.expect(narrow.entry.scrollWidth <= narrow.entry.clientWidth,
    `scrolls sideways: ${narrow.entry.scrollWidth} > ${narrow.entry.clientWidth}; wider than the window: ${narrow.entry.overflowing.join(', ')}`);

  opened = await open(context, url, 1280);
  let normal;
  try {
    normal = await opened.page.evaluate(measureLayout);
  } finally {
    await opened.page.close();
  }
  const zoomed = check('reflow', { page: type, url, width: 1280, textSize: '200%' });
  opened = await open(context, url, 1280, zoomedFontSizes);
  try {
    Object.assign(zoomed.entry, await opened.page.evaluate(measureLayout), { unzoomed: normal });
  } finally {
    await opened.page.close();
  }
  // A size fixed in px would ignore the reader's setting: the zoom must really have doubled the text.
  for (const size of ['rootFontSize', 'h1FontSize', 'bodyTextFontSize']) {
    if (normal[size] === null) continue;
    zoomed.expect(zoomed.entry[size] >= 2 * normal[size] - 0.5,
      `${size} grew from ${normal[size]} px to ${zoomed.entry[size]} px at 200% text, not twice`);
  }
  zoomed.expect(zoomed.entry.scrollWidth <= zoomed.entry.clientWidth,
    `scrolls sideways: ${zoomed.entry.scrollWidth} > ${zoomed.entry.clientWidth}; wider than the window: ${zoomed.entry.overflowing.join(', ')}`);
}

let browser;
try {
  mkdirSync(pdfFolder, { recursive: true });
  try {
    await fetch(base);
  } catch (error) {
    throw new CannotRun(`nothing answers at ${base}: ${error.cause?.message ?? error.message}`);
  }
  browser = await launchChromium({ downloadPdfs: true });
  const { context } = browser;
  context.setDefaultTimeout(20000);
  await clinicFlow(context);
  await keyboardFlow(context);
  let types;
  try {
    types = await pageTypes(context);
  } catch (error) {
    check('page types', {}).expect(false, `could not find every page type from the home page and the search: ${error.message.split('\n')[0]}`);
    types = [];
  }
  for (const pageType of types) {
    for (const run of [pageChecks, reflowChecks]) {
      try {
        await run(context, pageType);
      } catch (error) {
        check(run.name, { page: pageType.type, url: pageType.url }).expect(false, `stopped: ${error.message.split('\n')[0]}`);
      }
    }
  }
  console.log(JSON.stringify({ base, checks }, null, 2));
  process.exitCode = checks.every((c) => c.passed) ? 0 : 1;
} catch (error) {
  console.error(`site-flows.mjs: ${error instanceof CannotRun ? '' : 'could not run: '}${error.message}`);
  process.exitCode = 2;
} finally {
  if (browser) await browser.close();
}
