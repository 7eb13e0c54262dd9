// The typed-client check (TypedClientTests): generate TypeScript types from the OpenAPI document a running server
// serves (openapi-typescript), compile typed-client/client.ts against them with tsc in strict mode, then run it against
// that server. Prints the client's JSON report on stdout; any failure to generate, compile or run exits non-zero with
// the tools' own messages on stderr.
// Usage: node typed-client.mjs <base URL>
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), 'typed-client');
// The tools' own command-line scripts (their packages' exports do not expose them to require.resolve).
const bin = (...path) => join(here, '..', 'node_modules', ...path);
const [baseUrl] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node typed-client.mjs <base URL>');
  process.exit(2);
}

function step(name, script, args) {
  const run = spawnSync(process.execPath, [script, ...args], { cwd: here, encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`${name} failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    process.exit(1);
  }
  return run.stdout;
}

rmSync(join(here, 'generated'), { recursive: true, force: true });
rmSync(join(here, 'out'), { recursive: true, force: true });
mkdirSync(join(here, 'generated'));
step('openapi-typescript', bin('openapi-typescript', 'bin', 'cli.js'),
  [new URL('api/openapi.json', baseUrl.endsWith('/') ? baseUrl : baseUrl + '/').href, '--output', join('generated', 'api.d.ts')]);
step('tsc', bin('typescript', 'bin', 'tsc'), ['--project', 'tsconfig.json']);
process.stdout.write(step('client', join('out', 'client.js'), [baseUrl]));
