/**
 * Same answers, before and after: runs two copies of the engine (two source trees, e.g. the checkout and a copy
 * with a proposed optimisation) over the same files and reports any difference in the parsed tree (spans,
 * values, styles, anchors, tags; the optional `merges` hint is ignored), the findings (rule, severity, span,
 * message, fixes), hovers and completions at every scalar of small files.
 *
 *   npx tsx bench/compare-engines.ts --a <dir> --b <dir> [files or folders...]
 *
 * Without files: examples/, /work/shared/corpus (when present), and generated compose files of 10, 100 and
 * 1000 services, with and without anchors.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleEngine } from './engine';
import { generateCompose } from './generate';
import { CACHE, REPO } from './servers';

interface Engine {
  parseDocument(path: string, text: string): { root: unknown; errors: unknown[]; kind: string };
  checkDocument(doc: unknown, options: object): { findings: { rule: string; severity: string; span: unknown; message: string; fixes: unknown }[] };
  createLanguageService(options: object): {
    configure(s: object): void;
    hover(input: object, offset: number): unknown;
    complete(input: object, offset: number): unknown;
  };
}

function files(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e));
    else if (/\.(ya?ml|json|jsonc|conf|conflist)$/i.test(p)) out.push(p);
  };
  inputs.forEach(walk);
  return out;
}

/** The tree as plain data, without the optional hint fields an optimisation may add. */
function canonical(node: unknown, seen = new Set<unknown>()): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (seen.has(node)) return '[cycle]';
  seen.add(node);
  if (Array.isArray(node)) return node.map((n) => canonical(n, seen));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node as object).sort()) {
    if (key === 'merges') continue;
    const value = (node as Record<string, unknown>)[key];
    // An alias's target is compared by where it points, not by walking it again.
    out[key] = key === 'target' && value && typeof value === 'object' ? (value as { start: number }).start : canonical(value, seen);
  }
  seen.delete(node);
  return out;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { a: { type: 'string', default: REPO }, b: { type: 'string' } }, allowPositionals: true });
  if (!values.b) throw new Error('--b <dir> is required');
  const [fa, fb] = [join(CACHE, 'engine-bundles', 'compare-a.js'), join(CACHE, 'engine-bundles', 'compare-b.js')];
  await bundleEngine(resolve(values.a!), fa);
  await bundleEngine(resolve(values.b), fb);
  const A = require(fa) as Engine;
  const B = require(fb) as Engine;
  let inputs = positionals;
  if (!inputs.length) {
    const gen = join(CACHE, 'compare');
    mkdirSync(gen, { recursive: true });
    const { writeFileSync } = await import('node:fs');
    for (const services of [10, 100, 1000]) {
      for (const anchors of [false, true]) {
        const dir = join(gen, `compose-${services}${anchors ? '-anchors' : ''}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'docker-compose.yml'), generateCompose({ services, anchors }).text);
      }
    }
    inputs = [join(REPO, 'examples'), gen, '/work/shared/corpus'].filter((p) => {
      try {
        statSync(p);
        return true;
      } catch {
        return false;
      }
    });
  }
  let differences = 0;
  let checked = 0;
  for (const file of files(inputs)) {
    const text = readFileSync(file, 'utf8');
    const da = A.parseDocument(file, text);
    const db = B.parseDocument(file, text);
    const problems: string[] = [];
    if (JSON.stringify(canonical(da.root)) !== JSON.stringify(canonical(db.root))) problems.push('tree');
    if (JSON.stringify(da.errors) !== JSON.stringify(db.errors)) problems.push('parse errors');
    if (da.kind !== db.kind) problems.push('kind');
    const fa2 = A.checkDocument(da, {}).findings;
    const fb2 = B.checkDocument(db, {}).findings;
    if (JSON.stringify(fa2) !== JSON.stringify(fb2)) problems.push(`findings (${fa2.length} vs ${fb2.length})`);
    if (text.length < 200_000) {
      const sa = A.createLanguageService({});
      const sb = B.createLanguageService({});
      sa.configure({});
      sb.configure({});
      const input = { uri: `file://${file}`, version: 1, text };
      // Every 7th offset: hovers and completions at keys, values, indentation and line ends alike.
      for (let offset = 0; offset < text.length; offset += 7) {
        if (JSON.stringify(sa.hover(input, offset)) !== JSON.stringify(sb.hover(input, offset))) {
          problems.push(`hover at ${offset}`);
          break;
        }
        if (JSON.stringify(sa.complete(input, offset)) !== JSON.stringify(sb.complete(input, offset))) {
          problems.push(`completion at ${offset}`);
          break;
        }
      }
    }
    checked++;
    if (problems.length) {
      differences++;
      console.log(`DIFFERENT ${file}: ${problems.join(', ')}`);
    }
  }
  console.log(`${checked} files compared, ${differences} with differences`);
  process.exitCode = differences ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
