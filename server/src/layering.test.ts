/**
 * The layers of ARCHITECTURE.md, as imports between the directories of server/src: each layer imports only the
 * layers below it (its own directory too), so the engine knows nothing of editors, the CLI or the LSP, the
 * knowledge tables nothing of rules, and there is no cycle between directories or between files. Tests and test support
 * (testing/) may import anything; no production file imports testing/.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const SRC = __dirname;

/** Lowest first; directories on one row are peers and do not import each other. */
const LAYERS: string[][] = [
  ['generated', 'util'],
  ['documents'],
  ['knowledge'],
  ['compose', 'hns', 'scripts'],
  ['schema'],
  ['rules'],
  ['engine'],
  ['service', 'docs'],
  ['cli', 'lsp'],
];
const LEVEL = new Map(LAYERS.flatMap((row, level) => row.map((dir) => [dir, level] as const)));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Directory → directory edges of production imports (type-only imports count: a type is a dependency too). */
function edges(): { from: string; to: string; where: string }[] {
  const out: { from: string; to: string; where: string }[] = [];
  for (const file of sources(SRC)) {
    const from = relative(SRC, file).split('/')[0];
    if (from === 'testing') continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|require\()\s*'(\.[^']*)'/g)) {
      const target = relative(SRC, resolve(dirname(file), spec));
      if (target.startsWith('..')) continue; // package.json, schemas/: data outside the source tree
      const to = target.split('/')[0];
      if (to !== from) out.push({ from, to, where: `${relative(SRC, file)} → ${spec}` });
    }
  }
  return out;
}

describe('layering', () => {
  it('every directory of server/src has a place in the layers', () => {
    const dirs = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'testing')
      .map((e) => e.name);
    assert.deepEqual(
      dirs.filter((d) => !LEVEL.has(d)),
      [],
    );
    const loose = readdirSync(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    assert.deepEqual(loose, [], 'no production file at the top of server/src');
  });

  it('each layer imports only from the layers below it', () => {
    const upward = edges()
      .filter((e) => (LEVEL.get(e.to) ?? Infinity) >= LEVEL.get(e.from)!)
      .map((e) => e.where);
    assert.deepEqual(upward, []);
  });

  it('no production file imports test support', () => {
    assert.deepEqual(
      edges()
        .filter((e) => e.to === 'testing')
        .map((e) => e.where),
      [],
    );
  });

  it('no cycles between directories (the layer rule implies it; checked on its own so a new directory cannot hide one)', () => {
    const graph = new Map<string, Set<string>>();
    for (const { from, to } of edges()) {
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      if (path.includes(node)) {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    };
    for (const node of graph.keys()) visit(node, []);
    assert.deepEqual([...new Set(cycles)], []);
  });

  it('no import cycles between files (type-only imports included: a cycle is one module in two files)', () => {
    const resolveImport = (file: string, spec: string): string | undefined => {
      const base = resolve(dirname(file), spec);
      return [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f));
    };
    const graph = new Map<string, string[]>();
    for (const file of sources(SRC)) {
      const targets = [...readFileSync(file, 'utf8').matchAll(/(?:from|require\()\s*'(\.[^']*)'/g)]
        .map(([, spec]) => resolveImport(file, spec))
        .filter((f): f is string => f !== undefined);
      graph.set(file, targets);
    }
    // Depth-first search; an edge back to a file still on the stack closes a cycle.
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const cycles: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(SRC, f)).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });
});
