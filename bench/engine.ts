/**
 * The engine alone, phase by phase, for trying out engine changes quickly (no LSP, no process per sample):
 *
 *   npx tsx bench/engine.ts [--src <dir>] [--services 5000] [--repeats 7] [--compare <dir>[,<dir>]]
 *
 * Bundles parseDocument / checkDocument / createLanguageService from `<dir>/server/src` (default: this checkout)
 * and, in a fresh Node process, times on a generated compose file: the first parse and check (cold), then
 * `repeats` warm rounds of parse, check, and a one-digit edit through the language service (what a didChange
 * costs: new version, parse + check), next to the bare js-yaml load; then hovers and completions on the settled
 * document. With `--compare <dir>[,<dir>...]` the other trees are measured too, alternating, and all printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { generateCompose } from './generate';
import { CACHE, REPO } from './servers';
import { median, ms, percentile } from './stats';
import { NODE_BUNDLE } from './node-bundle';

const CHILD = `
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const jsyaml = require(process.argv[4]);
const engine = require(process.argv[1]);
const text = readFileSync(process.argv[2], 'utf8');
const targets = JSON.parse(readFileSync(process.argv[2] + '.targets.json', 'utf8'));
const repeats = Number(process.argv[3]);
const uri = 'file:///tmp/winnet-bench/docker-compose.yml';
const time = (fn) => { const t = performance.now(); const r = fn(); return [performance.now() - t, r]; };
const [coldParse, doc0] = time(() => engine.parseDocument('/tmp/docker-compose.yml', text));
const [coldCheck, res0] = time(() => engine.checkDocument(doc0, {}));
const out = { coldParse, coldCheck, findings: res0.findings.length, parse: [], check: [], diagnose: [], jsyaml: [], hover: [], complete: [] };
const service = engine.createLanguageService({});
service.configure({});
service.diagnose({ uri, version: 1, text });
let current = text;
for (let i = 0; i < repeats; i++) {
  out.jsyaml.push(time(() => jsyaml.load(text))[0]);
  const [p, doc] = time(() => engine.parseDocument('/tmp/docker-compose.yml', text));
  out.parse.push(p);
  out.check.push(time(() => engine.checkDocument(doc, {}))[0]);
  // A new version after a one-digit edit of a host port (a different service each time), as an editor sends it.
  const at = targets.editDigits[(i * 7919 + 13) % targets.editDigits.length];
  const c = current[at];
  current = current.slice(0, at) + (c === '9' ? '0' : String(Number(c) + 1)) + current.slice(at + 1);
  out.diagnose.push(time(() => service.diagnose({ uri, version: i + 2, text: current }))[0]);
}
const settled = { uri, version: repeats + 1, text: current };
for (let i = 0; i < 20; i++) {
  const h = targets.hovers[i % targets.hovers.length];
  out.hover.push(time(() => service.hover(settled, h.offset))[0]);
  const c = targets.completions[i % targets.completions.length];
  out.complete.push(time(() => service.complete(settled, c.offset))[0]);
}
process.stdout.write(JSON.stringify(out));
`;

export async function bundleEngine(root: string, outFile: string): Promise<void> {
  const entry = join(CACHE, 'engine-entry', `${Buffer.from(root).toString('hex').slice(-24)}.ts`);
  mkdirSync(join(CACHE, 'engine-entry'), { recursive: true });
  writeFileSync(
    entry,
    [
      `export { parseDocument } from ${JSON.stringify(join(root, 'server/src/documents/document'))};`,
      `export { checkDocument } from ${JSON.stringify(join(root, 'server/src/engine/check'))};`,
      `export { createLanguageService } from ${JSON.stringify(join(root, 'server/src/service/language-service'))};`,
    ].join('\n'),
  );
  await build({
    ...NODE_BUNDLE,
    nodePaths: [join(REPO, 'node_modules')],
    entryPoints: [entry],
    outfile: outFile,
  });
}

interface EngineTimes {
  coldParse: number;
  coldCheck: number;
  findings: number;
  parse: number[];
  check: number[];
  diagnose: number[];
  jsyaml: number[];
  hover: number[];
  complete: number[];
}

function runChild(bundleFile: string, file: string, repeats: number): EngineTimes {
  const out = execFileSync(process.execPath, ['-e', CHILD, bundleFile, file, String(repeats), join(REPO, 'node_modules', 'js-yaml')], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as EngineTimes;
}

function line(label: string, t: EngineTimes): string {
  return `| ${label} | ${t.findings} | ${ms(t.coldParse)} | ${ms(t.coldCheck)} | ${ms(median(t.jsyaml))} | ${ms(median(t.parse))} | ${ms(median(t.check))} | ${ms(median(t.diagnose))} | ${ms(percentile(t.hover, 95))} | ${ms(percentile(t.complete, 95))} |`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      src: { type: 'string' },
      compare: { type: 'string' },
      services: { type: 'string', default: '5000' },
      repeats: { type: 'string', default: '7' },
      rounds: { type: 'string', default: '3' },
    },
  });
  const services = Number(values.services);
  const g = generateCompose({ services });
  const dir = join(CACHE, 'lsp', `compose-${services}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'docker-compose.yml');
  writeFileSync(file, g.text);
  writeFileSync(`${file}.targets.json`, JSON.stringify({ hovers: g.hovers, completions: g.completions, editDigits: g.editDigits }));
  const trees = [resolve(values.src ?? REPO), ...(values.compare ? values.compare.split(',').map((d) => resolve(d)) : [])];
  const bundles: string[] = [];
  for (const [i, root] of trees.entries()) {
    const outFile = join(CACHE, 'engine-bundles', `engine-${i}.js`);
    process.stderr.write(`bundling ${root}\n`);
    await bundleEngine(root, outFile);
    bundles.push(outFile);
  }
  const results: EngineTimes[][] = trees.map(() => []);
  for (let round = 0; round < Number(values.rounds); round++) {
    for (let k = 0; k < trees.length; k++) {
      const i = (k + round) % trees.length;
      results[i].push(runChild(bundles[i], file, Number(values.repeats)));
    }
  }
  console.log(`N=${services} (${g.lines} lines), ${values.rounds} rounds × ${values.repeats} warm repeats; medians (ms)\n`);
  console.log('| tree | findings | cold parse | cold check | js-yaml warm | parse warm | check warm | diagnose after an edit | hover p95 | completion p95 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [i, root] of trees.entries()) {
    const merged: EngineTimes = {
      coldParse: median(results[i].map((r) => r.coldParse)),
      coldCheck: median(results[i].map((r) => r.coldCheck)),
      findings: results[i][0].findings,
      parse: results[i].flatMap((r) => r.parse),
      check: results[i].flatMap((r) => r.check),
      diagnose: results[i].flatMap((r) => r.diagnose),
      jsyaml: results[i].flatMap((r) => r.jsyaml),
      hover: results[i].flatMap((r) => r.hover),
      complete: results[i].flatMap((r) => r.complete),
    };
    console.log(line(root === REPO ? 'checkout' : root.replace(`${REPO}/`, ''), merged));
  }
}

if (process.argv[1] && /engine\.[cm]?[jt]s$/.test(process.argv[1])) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
