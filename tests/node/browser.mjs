// Debian's headless Chromium through playwright-core (no downloaded browser), for the scripts here that drive pages.
// One launch serves every page a script opens; close() also removes the throwaway profile.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Thrown when the browser is missing or cannot start: the caller exits 2 (could not run), not 1 (a check failed). */
export class CannotRun extends Error {}

/**
 * Starts Chromium with a fresh profile. With downloadPdfs, a PDF is saved as a download (as in a browser set to
 * "download PDFs instead of opening them") rather than shown in the built-in viewer, whose page holds none of the
 * PDF's bytes; args are extra command-line switches.
 */
export async function launchChromium({ downloadPdfs = false, args = [] } = {}) {
  if (!existsSync(executablePath)) {
    throw new CannotRun(`no browser at ${executablePath}: install Debian's chromium (apt-get install -y chromium)`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'leaflets-chromium-'));
  if (downloadPdfs) {
    mkdirSync(join(profile, 'Default'));
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ plugins: { always_open_pdf_externally: true } }));
  }
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      acceptDownloads: downloadPdfs,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', ...args],
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new CannotRun(`Chromium did not start: ${error.message}`);
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * What the page's own Content-Security-Policy refuses from now on, as Chromium reports it on the console: the policy
 * stays in force in these checks, so anything of ours it would block is seen. Returns the list it fills.
 */
export function watchBlockedByPolicy(page) {
  const blocked = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  return blocked;
}
