import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CodeCache, codeCacheDir, type CacheState } from './code-cache';

/** A bundle that requires a sibling through the cache and a Node built-in through Node. */
function makeBundle(version = 1): string {
  const dir = mkdtempSync(join(tmpdir(), 'winnet-cc-src-'));
  mkdirSync(join(dir, 'validators'));
  writeFileSync(join(dir, 'validators', 'part.js'), `exports.twice = (n) => n * 2;\n`);
  writeFileSync(
    join(dir, 'engine.js'),
    `const { twice } = require('./validators/part.js');\n` +
      `const path = require('node:path');\n` +
      `module.exports = { version: ${version}, answer: () => twice(21), where: path.basename(__dirname), file: path.basename(__filename), self: () => require('./validators/part.js') };\n`,
  );
  return dir;
}

const cacheFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith('.v8cache'))
        .sort()
    : [];

/**
 * A server start is a new process (V8 keeps compiled code per process): loads engine.js through a CodeCache on
 * `cacheDir`, saves, and reports the states and what the module computed.
 */
function startInChild(bundleDir: string, cacheDir: string): { states: Record<string, CacheState>; answer: number; version: number } {
  const script = `
    const { CodeCache } = require(${JSON.stringify(join(__dirname, 'code-cache.ts'))});
    const { basename } = require('node:path');
    const cache = new CodeCache(${JSON.stringify(cacheDir)});
    const engine = cache.require(${JSON.stringify(join(bundleDir, 'engine.js'))});
    const answer = engine.answer();
    cache.save();
    const states = Object.fromEntries([...cache.states()].map(([p, s]) => [basename(p), s]));
    process.stdout.write(JSON.stringify({ states, answer, version: engine.version }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

describe('CodeCache: a bundle loads like require, with or without a cache', () => {
  it('runs the file once, with __dirname, __filename, relative requires through the cache and built-ins through Node', () => {
    const bundle = makeBundle();
    const cache = new CodeCache(undefined);
    const engine = cache.require(join(bundle, 'engine.js')) as { answer(): number; where: string; file: string; self(): unknown };
    assert.equal(engine.answer(), 42);
    assert.equal(engine.file, 'engine.js');
    assert.equal(engine.where, bundle.split('/').pop());
    assert.equal(cache.require(join(bundle, 'engine.js')), engine, 'a second require returns the same exports');
    assert.equal(engine.self(), cache.require(join(bundle, 'validators', 'part.js')), 'the sibling is loaded once');
    assert.deepEqual([...cache.states().values()], ['off', 'off']);
  });

  it('without a directory, saving writes nothing', () => {
    const cache = new CodeCache(undefined);
    cache.require(join(makeBundle(), 'engine.js'));
    assert.doesNotThrow(() => cache.save());
  });
});

describe('CodeCache: across server starts', () => {
  it('the first start writes one private cache file per bundle; the next start uses them', () => {
    const bundle = makeBundle();
    const dir = join(mkdtempSync(join(tmpdir(), 'winnet-cc-')), 'v8');
    const first = startInChild(bundle, dir);
    assert.deepEqual(first, { states: { 'engine.js': 'missing', 'part.js': 'missing' }, answer: 42, version: 1 });
    const files = cacheFiles(dir);
    assert.equal(files.length, 2);
    for (const [i, name] of ['engine.js', 'part.js'].entries()) {
      assert.match(files[i]!, new RegExp(`^${name.replace('.', '\\.')}-${process.version.replace(/\./g, '\\.')}-${process.arch}-[0-9a-f]{32}\\.v8cache$`));
    }
    assert.equal(statSync(join(dir, files[0]!)).mode & 0o777, 0o600);
    assert.equal(statSync(dir).mode & 0o777, 0o700);

    const second = startInChild(bundle, dir);
    assert.deepEqual(second, { states: { 'engine.js': 'accepted', 'part.js': 'accepted' }, answer: 42, version: 1 });
    assert.deepEqual(cacheFiles(dir), files, 'an accepted cache is not rewritten');
  });

  it('a damaged cache file is refused by V8, the bundle still runs, and the next start has a good one', () => {
    const bundle = makeBundle();
    const dir = mkdtempSync(join(tmpdir(), 'winnet-cc-'));
    startInChild(bundle, dir);
    for (const name of cacheFiles(dir)) writeFileSync(join(dir, name), Buffer.from('not a V8 code cache, but long enough to be read as one'.repeat(20)));
    assert.deepEqual(startInChild(bundle, dir), { states: { 'engine.js': 'rejected', 'part.js': 'rejected' }, answer: 42, version: 1 });
    assert.deepEqual(startInChild(bundle, dir).states, { 'engine.js': 'accepted', 'part.js': 'accepted' });
  });

  it('a rebuilt bundle never meets the old cache, and its save removes the old file', () => {
    const bundle = makeBundle(1);
    const dir = mkdtempSync(join(tmpdir(), 'winnet-cc-'));
    startInChild(bundle, dir);
    const before = cacheFiles(dir);
    // Same length, other content: V8's own check would not tell them apart, the file name does.
    writeFileSync(join(bundle, 'engine.js'), `${readSource(bundle).replace('version: 1', 'version: 2')}`);
    const rebuilt = startInChild(bundle, dir);
    assert.deepEqual(rebuilt, { states: { 'engine.js': 'missing', 'part.js': 'accepted' }, answer: 42, version: 2 });
    const after = cacheFiles(dir);
    assert.equal(after.length, 2);
    assert.equal(
      after.find((n) => n.startsWith('part.js')),
      before.find((n) => n.startsWith('part.js')),
    );
    assert.notEqual(
      after.find((n) => n.startsWith('engine.js')),
      before.find((n) => n.startsWith('engine.js')),
    );
  });

  it('a cache directory that cannot be written costs nothing but the cache', () => {
    const bundle = makeBundle();
    const blocked = join(mkdtempSync(join(tmpdir(), 'winnet-cc-')), 'file');
    writeFileSync(blocked, 'a file where the directory should be');
    const cache = new CodeCache(join(blocked, 'v8'));
    assert.equal((cache.require(join(bundle, 'engine.js')) as { answer(): number }).answer(), 42);
    assert.doesNotThrow(() => cache.save());
  });
});

function readSource(bundle: string): string {
  return readFileSync(join(bundle, 'engine.js'), 'utf8');
}

describe('codeCacheDir: where the cache lives', () => {
  const root = mkdtempSync(join(tmpdir(), 'winnet-ccdir-'));
  const home = join(root, 'home');
  const rows: { name: string; env: NodeJS.ProcessEnv; editor?: unknown; platform?: NodeJS.Platform; expected: string | undefined }[] = [
    { name: 'WINNET_CODE_CACHE=off turns it off', env: { WINNET_CODE_CACHE: 'off', HOME: home }, editor: join(root, 'editor'), expected: undefined },
    { name: 'WINNET_CODE_CACHE=0 turns it off', env: { WINNET_CODE_CACHE: '0', HOME: home }, expected: undefined },
    {
      name: 'WINNET_CODE_CACHE names the directory, over the editor',
      env: { WINNET_CODE_CACHE: join(root, 'chosen'), HOME: home },
      editor: join(root, 'editor'),
      expected: join(root, 'chosen'),
    },
    { name: "the editor's folder when the variable is unset", env: { HOME: home }, editor: join(root, 'editor'), expected: join(root, 'editor') },
    { name: 'an editor value that is not a path is ignored', env: { HOME: home }, editor: 42, expected: join(home, '.cache', 'winnet', 'v8') },
    { name: 'XDG_CACHE_HOME on Linux', env: { HOME: home, XDG_CACHE_HOME: join(root, 'xdg') }, platform: 'linux', expected: join(root, 'xdg', 'winnet', 'v8') },
    { name: '~/.cache on Linux without XDG_CACHE_HOME', env: { HOME: home }, platform: 'linux', expected: join(home, '.cache', 'winnet', 'v8') },
    { name: '~/Library/Caches on macOS', env: { HOME: home }, platform: 'darwin', expected: join(home, 'Library', 'Caches', 'winnet', 'v8') },
    { name: 'LOCALAPPDATA on Windows', env: { LOCALAPPDATA: join(root, 'local') }, platform: 'win32', expected: join(root, 'local', 'winnet', 'Cache', 'v8') },
  ];
  for (const row of rows) {
    it(row.name, () => {
      assert.equal(codeCacheDir(row.env, row.editor, row.platform ?? 'linux'), row.expected);
      if (row.expected) assert.ok(statSync(row.expected).isDirectory(), 'created');
    });
  }

  it('refuses a directory other users can write to: a cache file there would be their code in this process', () => {
    const shared = join(root, 'shared');
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(shared, 0o777);
    assert.equal(codeCacheDir({ WINNET_CODE_CACHE: shared }, undefined, 'linux'), undefined);
    chmodSync(shared, 0o755);
    assert.equal(codeCacheDir({ WINNET_CODE_CACHE: shared }, undefined, 'linux'), shared);
  });

  it('a path that cannot be a directory means no cache', () => {
    const file = join(root, 'plain-file');
    writeFileSync(file, '');
    assert.equal(codeCacheDir({ WINNET_CODE_CACHE: join(file, 'v8') }, undefined, 'linux'), undefined);
  });
});
