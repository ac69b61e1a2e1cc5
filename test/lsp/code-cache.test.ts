/**
 * The language server and its V8 code cache (server/src/code-cache.ts), end to end: the bundled server writes the
 * cache after its first check of a document of ours (not after a foreign JSON file), in the folder the editor
 * names or WINNET_CODE_CACHE names, a later start uses it without rewriting it, and a damaged cache changes no
 * finding.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileUri, REPO, LspClient } from '../support/lsp-client';

const COMPOSE = readFileSync(join(REPO, 'examples', 'iis-sql', 'docker-compose.yml'), 'utf8');
const composeUri = fileUri(join(tmpdir(), 'winnet-code-cache-test', 'docker-compose.yml'));
const foreignUri = fileUri(join(tmpdir(), 'winnet-code-cache-test', 'package.json'));

const cacheFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith('.v8cache'))
        .sort()
    : [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (up to a hang guard, not a measurement) until `dir` holds cache files for the engine and the compose validators. */
async function cacheWritten(dir: string): Promise<string[]> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const files = cacheFiles(dir);
    if (files.some((n) => n.startsWith('engine.js-')) && files.some((n) => n.startsWith('compose-validators.js-'))) return files;
    await sleep(50);
  }
  assert.fail(`no code cache in ${dir}: ${JSON.stringify(cacheFiles(dir))}`);
}

/** Starts the bundled server, opens the example compose file and returns its findings (rule ids), then stops. */
async function findingsOfOneStart(env: NodeJS.ProcessEnv, initializationOptions: unknown, beforeClose?: () => Promise<unknown>): Promise<string[]> {
  const server = new LspClient({ env });
  try {
    await server.initialize({ initializationOptions });
    server.open(composeUri, COMPOSE);
    const diagnostics = await server.diagnosticsFor(composeUri, (d) => d.version === 1);
    await beforeClose?.();
    return diagnostics.map((d) => String(d.code)).sort();
  } finally {
    await server.shutdown();
  }
}

function envWith(cache: string | undefined): NodeJS.ProcessEnv {
  const env = { ...process.env };
  if (cache === undefined) delete env.WINNET_CODE_CACHE;
  else env.WINNET_CODE_CACHE = cache;
  return env;
}

describe('language server: the V8 code cache', () => {
  it('is written after the first check of a compose file, not of a foreign JSON file, and used by the next start unchanged', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'winnet-lsp-cc-')), 'v8');
    const server = new LspClient({ env: envWith(dir) });
    let first: string[];
    try {
      await server.initialize();
      server.open(foreignUri, '{"name": "not ours", "version": "1.0.0"}', 'json');
      await server.diagnosticsFor(foreignUri);
      await sleep(300);
      assert.deepEqual(cacheFiles(dir), [], 'a foreign JSON file runs little of the engine: no cache yet');
      server.open(composeUri, COMPOSE);
      first = (await server.diagnosticsFor(composeUri, (d) => d.version === 1)).map((d) => String(d.code)).sort();
      await cacheWritten(dir);
    } finally {
      await server.shutdown();
    }
    assert.ok(first.length > 0, 'the example has findings');
    const written = Object.fromEntries(cacheFiles(dir).map((n) => [n, statSync(join(dir, n)).mtimeMs]));

    const second = await findingsOfOneStart(envWith(dir), undefined, () => sleep(300));
    assert.deepEqual(second, first, 'the same findings from the cached engine');
    assert.deepEqual(Object.fromEntries(cacheFiles(dir).map((n) => [n, statSync(join(dir, n)).mtimeMs])), written, 'an accepted cache is not rewritten');
  });

  it('a damaged cache changes no finding, and the next start has a good one again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnet-lsp-cc-'));
    const clean = await findingsOfOneStart(envWith(dir), undefined, async () => void (await cacheWritten(dir)));
    for (const name of cacheFiles(dir)) writeFileSync(join(dir, name), Buffer.alloc(4096, 7));
    const damaged = await findingsOfOneStart(envWith(dir), undefined, async () => {
      // Rewritten after this start's first check.
      for (let waited = 0; waited < 10_000 && cacheFiles(dir).some((n) => readFileSync(join(dir, n))[0] === 7); waited += 50) await sleep(50);
    });
    assert.deepEqual(damaged, clean);
    assert.ok(
      cacheFiles(dir).every((n) => readFileSync(join(dir, n))[0] !== 7),
      'the damaged files were replaced',
    );
  });

  it("goes to the editor's folder (initializationOptions.codeCacheDir) when WINNET_CODE_CACHE is unset, and nowhere when it is off", async () => {
    const editorDir = join(mkdtempSync(join(tmpdir(), 'winnet-lsp-cc-')), 'globalStorage', 'v8-cache');
    await findingsOfOneStart(envWith(undefined), { codeCacheDir: editorDir }, async () => void (await cacheWritten(editorDir)));

    const unused = join(mkdtempSync(join(tmpdir(), 'winnet-lsp-cc-')), 'v8-cache');
    await findingsOfOneStart(envWith('off'), { codeCacheDir: unused }, () => sleep(300));
    assert.equal(existsSync(unused), false, 'WINNET_CODE_CACHE=off: no folder, no file');
  });
});
