// Lints an OpenAPI document with Redocly CLI's recommended rules, as configured in redocly.yaml beside this script
// (any rule turned off there says why). Prints Redocly's JSON report (totals and every problem) and exits with its code.
// Usage: node openapi-lint.mjs <openapi.json>
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
const [document] = process.argv.slice(2);
if (!document) {
  console.error('usage: node openapi-lint.mjs <openapi.json>');
  process.exit(2);
}
const run = spawnSync(process.execPath, [cli, 'lint', document, '--config', join(here, 'redocly.yaml'), '--format', 'json'], {
  cwd: here,
  encoding: 'utf8',
  // No telemetry or update checks from a test run.
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
process.stdout.write(run.stdout ?? '');
process.stderr.write(run.stderr ?? '');
process.exit(run.status ?? 1);
