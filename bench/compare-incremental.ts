/**
 * Evidence for the incremental re-parse proposal (bench/RESULTS.md, "proposed engine changes"): random
 * single-character edits (insert, delete, replace; biased towards the services block, where typing happens)
 * applied in chains to generated compose files and the examples. After each edit the incrementally re-parsed
 * document (when the prototype takes the edit) must equal a full parse of the new text: same tree (spans,
 * values, styles), same errors, same kind, same findings. Also times both paths.
 *
 *   npx tsx bench/compare-incremental.ts --src <tree with server/src/documents/incremental.ts> [--edits 3000]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { generateCompose, prng } from './generate';
import { CACHE, REPO } from './servers';
import { median } from './stats';

interface Doc {
  root: unknown;
  errors: unknown[];
  kind: string;
  text: string;
}
interface Engine {
  parseDocument(path: string, text: string): Doc;
  reparseIncrementally(previous: Doc, text: string): Doc | undefined;
  checkDocument(doc: Doc, options: object): { findings: unknown[] };
}

function canonical(node: unknown): string {
  return JSON.stringify(node, (key, value) => (key === 'merges' ? undefined : key === 'target' && value && typeof value === 'object' ? (value as { start: number }).start : value));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { src: { type: 'string' }, edits: { type: 'string', default: '3000' }, seed: { type: 'string', default: '42' } } });
  if (!values.src) throw new Error('--src <dir> is required');
  const root = resolve(values.src);
  const entry = join(CACHE, 'engine-entry', 'incremental.ts');
  mkdirSync(join(CACHE, 'engine-entry'), { recursive: true });
  writeFileSync(
    entry,
    [
      `export { parseDocument } from ${JSON.stringify(join(root, 'server/src/documents/document'))};`,
      `export { reparseIncrementally } from ${JSON.stringify(join(root, 'server/src/documents/incremental'))};`,
      `export { checkDocument } from ${JSON.stringify(join(root, 'server/src/engine/check'))};`,
    ].join('\n'),
  );
  const out = join(CACHE, 'engine-bundles', 'incremental.js');
  await build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning', nodePaths: [join(REPO, 'node_modules')], entryPoints: [entry], outfile: out });
  const E = require(out) as Engine;

  const inputs: { name: string; text: string }[] = [
    { name: 'generated 100', text: generateCompose({ services: 100 }).text },
    { name: 'generated 100, anchors', text: generateCompose({ services: 100, anchors: true }).text },
    { name: 'generated 30, no findings', text: generateCompose({ services: 30, findings: false }).text },
  ];
  const examples = join(REPO, 'examples');
  for (const dir of readdirSync(examples)) {
    for (const f of readdirSync(join(examples, dir))) if (/\.ya?ml$/.test(f)) inputs.push({ name: `examples/${dir}/${f}`, text: readFileSync(join(examples, dir, f), 'utf8') });
  }
  const rand = prng(Number(values.seed));
  // Mostly what typing inserts into values and keys, plus the characters that change YAML structure.
  const alphabet = ['a', 'x', 'e', '1', '0', '.', ' ', ' ', ':', '-', '\n', '#', '"', "'", '{', '[', ',', '&', '*', '!', '|', '\t'];
  const perFile = Math.ceil(Number(values.edits) / inputs.length);
  let applied = 0;
  let total = 0;
  let mismatches = 0;
  for (const input of inputs) {
    let text = input.text;
    let previous = E.parseDocument('/tmp/docker-compose.yml', text);
    const services = text.indexOf('services:');
    for (let k = 0; k < perFile; k++) {
      // Chains of edits, restarted from the original text now and then (a broken file stops the chain from
      // being re-parsed incrementally, as it should, so restarts keep both paths exercised).
      if (rand() < 0.3) {
        text = input.text;
        previous = E.parseDocument('/tmp/docker-compose.yml', text);
      }
      // Three quarters of the edits land in the services block, the rest anywhere.
      const from = rand() < 0.75 && services !== -1 ? services : 0;
      const at = from + Math.floor(rand() * (text.length - from));
      const op = rand();
      const ch = alphabet[Math.floor(rand() * alphabet.length)];
      const next = op < 0.4 ? text.slice(0, at) + ch + text.slice(at) : op < 0.7 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + ch + text.slice(at + 1);
      const incremental = E.reparseIncrementally(previous, next);
      const full = E.parseDocument('/tmp/docker-compose.yml', next);
      total++;
      if (incremental) {
        applied++;
        const same =
          canonical(incremental.root) === canonical(full.root) &&
          JSON.stringify(incremental.errors) === JSON.stringify(full.errors) &&
          incremental.kind === full.kind &&
          JSON.stringify(E.checkDocument(incremental, {}).findings) === JSON.stringify(E.checkDocument(full, {}).findings);
        if (!same) {
          mismatches++;
          if (mismatches <= 5) console.log(`MISMATCH in ${input.name} after edit ${k} at ${at} (${JSON.stringify(ch)}, op ${op.toFixed(2)})`);
        }
      }
      // Keep editing from what the editor would hold: the incremental result when there is one.
      previous = incremental ?? full;
      text = next;
    }
  }
  console.log(`${total} edits, ${applied} taken incrementally, ${mismatches} mismatches with a full parse`);

  // Timing on a large file: one digit edit per service, incremental vs full parse.
  for (const services of [1000, 5000]) {
    const g = generateCompose({ services });
    let text = g.text;
    let previous = E.parseDocument('/tmp/docker-compose.yml', text);
    const inc: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < 12; i++) {
      const offset = g.editDigits[(i * 7919 + 13) % g.editDigits.length];
      const c = text[offset];
      const next = text.slice(0, offset) + (c === '9' ? '0' : String(Number(c) + 1)) + text.slice(offset + 1);
      let t = performance.now();
      const d = E.reparseIncrementally(previous, next);
      inc.push(performance.now() - t);
      t = performance.now();
      const f = E.parseDocument('/tmp/docker-compose.yml', next);
      full.push(performance.now() - t);
      previous = d ?? f;
      text = next;
      if (!d) console.log(`N=${services}: edit ${i} not taken incrementally`);
    }
    console.log(`N=${services}: re-parse after a one-digit edit, median of 12: incremental ${median(inc).toFixed(1)} ms, full ${median(full).toFixed(1)} ms`);
  }
  process.exitCode = mismatches ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
