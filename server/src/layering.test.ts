/**
 * The layers of shared/DESIGN.md, as imports: the engine (documents/ → compose/, hns/ → rules/, schema/,
 * knowledge/, engine/) knows nothing of the language service, the LSP server or the CLI built on it. A module
 * below them that reached up (as hns/complete.ts once did for a type) would tie the engine to an editor.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const SRC = __dirname;
const ENGINE = ['documents', 'compose', 'hns', 'rules', 'schema', 'knowledge', 'engine'];
const ABOVE = ['service', 'cli', 'server.ts', 'server-engine.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('layering', () => {
  for (const layer of ENGINE) {
    it(`${layer}/ imports nothing from ${ABOVE.join(', ')}`, () => {
      const offending: string[] = [];
      for (const file of sources(join(SRC, layer))) {
        for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|require\()\s*'(\.[^']*)'/g)) {
          const target = relative(SRC, resolve(dirname(file), spec));
          if (ABOVE.some((above) => target === above.replace(/\.ts$/, '') || target.startsWith(`${above}/`))) offending.push(`${relative(SRC, file)} → ${spec}`);
        }
      }
      assert.deepEqual(offending, []);
    });
  }
});
