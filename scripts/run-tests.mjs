#!/usr/bin/env node
// Runs every unit and integration test (`*.test.ts` beside the code, and under test/ except the real-editor
// suites in test/e2e, which have their own runner) with node's test runner and tsx. Node 20's --test takes no
// globs, so the files are listed here. Extra arguments are passed to node (e.g. --test-name-pattern).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const roots = ['server/src', 'client/src', 'test'];
const skip = new Set(['node_modules', 'dist', 'e2e', 'fixtures']);

function find(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!skip.has(entry.name)) find(join(dir, entry.name), out);
    } else if (entry.name.endsWith('.test.ts')) out.push(relative(root, join(dir, entry.name)));
  }
  return out;
}

// `node scripts/run-tests.mjs path/a.test.ts ...` runs just those files; other arguments go to node.
const args = process.argv.slice(2);
const named = args.filter((a) => a.endsWith('.test.ts'));
const nodeArgs = args.filter((a) => !a.endsWith('.test.ts'));
const files = named.length ? named : roots.flatMap((r) => find(join(root, r), [])).sort();
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}
// The LSP, CLI and packaging tests run the bundles in dist/. A dist/ older than any source would test yesterday's
// code and pass, so it is rebuilt first (esbuild takes a few seconds); a fresh one is used as it is.
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}
const bundles = ['dist/server.js', 'dist/engine.js', 'dist/cli.js', 'dist/client.js'].map((f) => join(root, f));
const sources = ['server/src', 'client/src', 'schemas'].map((d) => join(root, d)).filter(existsSync);
const built = bundles.every(existsSync) ? Math.min(...bundles.map((f) => statSync(f).mtimeMs)) : 0;
const changed = Math.max(statSync(join(root, 'package.json')).mtimeMs, statSync(join(root, 'esbuild.js')).mtimeMs, ...sources.map(newestMtime));
if (built < changed) {
  console.error(built ? 'run-tests: dist/ is older than the sources; building first' : 'run-tests: no dist/ yet; building first');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('run-tests: the build failed, so the tests would run stale bundles; stopping');
    process.exit(build.status ?? 1);
  }
}

// Servers the tests start keep their V8 code cache in a directory of this run, not in the user's cache folder;
// the first start writes it and the later ones load the engine through it (server/src/lsp/code-cache.ts).
const env = { ...process.env, WINNET_CODE_CACHE: process.env.WINNET_CODE_CACHE ?? mkdtempSync(join(tmpdir(), 'winnet-test-v8-cache-')) };
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...nodeArgs, ...files], { cwd: root, stdio: 'inherit', env });
process.exit(result.status ?? 1);
