// Ace by DAISY (its command-line tool, @daisy/ace-cli, pinned) on each EPUB given, in Debian's Chromium
// (.puppeteerrc.cjs). Prints one JSON line: for each file, every failed assertion of Ace's EARL report (axe-core's
// rules on each content document, and Ace's own checks of the package's accessibility metadata and navigation).
// Exits non-zero when Ace itself fails to run, so a check that did not happen is never read as a pass.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ace = join(here, 'node_modules', '@daisy', 'ace-cli', 'bin', 'ace.js');
const results = [];
for (const file of process.argv.slice(2)) {
  const out = mkdtempSync(join(tmpdir(), 'ace-'));
  try {
    execFileSync(process.execPath, [ace, '--silent', '--force', '--outdir', out, file], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 240000 });
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const violations = [];
    for (const document of report.assertions ?? []) {
      for (const assertion of document.assertions ?? []) {
        if (assertion['earl:result']?.['earl:outcome'] === 'fail') {
          violations.push({
            document: document['earl:testSubject']?.url,
            rule: assertion['earl:test']?.['dct:title'],
            impact: assertion['earl:test']?.['earl:impact'],
            description: assertion['earl:result']?.['dct:description'],
            pointer: assertion['earl:result']?.['earl:pointer']?.css,
          });
        }
      }
    }
    results.push({ file, outcome: report['earl:result']?.['earl:outcome'], violations });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
console.log(JSON.stringify(results));
