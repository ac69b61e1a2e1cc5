/**
 * `npm run fuzz`: property-based and mutation fuzzing of the engine at scale, plus a timed run of the
 * adversarial inputs.
 *
 *   npm run fuzz -- [--cases 100000] [--seed N] [--workers 2] [--case-timeout 10000] [--no-adversarial]
 *   npm run fuzz -- --seed N --replay I      (re-run case I of seed N in this process and print it)
 *
 * Every case is derived from (seed, index) alone, so any failure is reproducible with --replay. Case kinds:
 * generated compose YAML (with every fix checked: parses, keeps comments, removes its finding, --fix is
 * idempotent), generated HNS/HCN/CNI JSON, byte/token/line mutations of the examples and of the real-world
 * corpus (read in place from ../shared/corpus/real-world), mutations of generated documents, compose file
 * sets (base + override + include + extends, in memory), and the editor features at random offsets. Each case
 * must keep the invariants of test/reliability/support/invariants.ts; violations explained by a recorded bug
 * (support/known-issues.ts) are counted apart. Cases run in worker processes with a watchdog: a case that
 * takes longer than --case-timeout is reported as a hang and its worker replaced.
 *
 * Exit code 1 when any case failed or hung (known issues do not count), or an adversarial input took longer
 * than a second or failed.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { parseDocument } from '../server/src/documents/document';
import { checkDocument, type CheckOptions } from '../server/src/engine/check';
import { checkComposeSet } from '../server/src/engine/check-set';
import { fixText } from '../server/src/cli/run';
import { allSamples, corpusSamples, CORPUS } from '../test/reliability/support/corpus';
import { ADVERSARIAL } from '../test/reliability/support/adversarial-inputs';
import { fixProblems } from '../test/reliability/support/fixes';
import { composeDocument, hnsDocument, mutate, mutatedGenerated, mutationOf, prng, type Generated } from '../test/reliability/support/generators';
import { checkInvariants, incrementalInvariants, serviceInvariants, spanInside } from '../test/reliability/support/invariants';
import { knownFixIssue, knownViolation } from '../test/reliability/support/known-issues';
import { fileUri, LspClient } from '../test/support/lsp-client';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    'case-timeout': { type: 'string', default: '10000' },
    'no-adversarial': { type: 'boolean', default: false },
    'adversarial-case': { type: 'string' },
    replay: { type: 'string' },
    worker: { type: 'boolean', default: false },
    from: { type: 'string' },
    to: { type: 'string' },
  },
});

// ------------------------------------------------------------------------------------------------ the cases

const KINDS = ['compose', 'compose', 'hns', 'mutation', 'mutation', 'mutation', 'mutated-generated', 'mutated-generated', 'set', 'service'] as const;
type Kind = (typeof KINDS)[number];
const TARGETS: CheckOptions['target'][] = ['auto', 'windows', 'linux'];
const VERSIONS = ['ltsc2016', 'ltsc2019', 'ltsc2022', 'ltsc2025'] as const;

let bases: Generated[] | undefined;
const baseSamples = () => (bases ??= allSamples().map((s) => ({ path: s.path, text: s.text })));

/** A deterministic per-case seed. */
function caseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const one = <T>(arb: fc.Arbitrary<T>, seed: number): T => fc.sample(arb, { seed, numRuns: 1 })[0];

interface CaseOutcome {
  kind: Kind;
  path: string;
  /** Unexplained violations. */
  violations: string[];
  /** Known-issue ids hit. */
  known: string[];
  fixes: number;
  text: string;
}

function runCase(seed: number, index: number): CaseOutcome {
  const s = caseSeed(seed, index);
  const kind = KINDS[index % KINDS.length];
  const rng = prng(s);
  const known: string[] = [];
  const violations: string[] = [];
  const keep = (list: string[], text: string) => {
    for (const v of list) {
      const k = knownViolation(v, text);
      if (k) known.push(k.id);
      else violations.push(v);
    }
  };
  const options = { windowsVersion: VERSIONS[Math.floor(rng() * VERSIONS.length)] };
  let doc: Generated;
  let fixes = 0;

  if (kind === 'set') {
    const base = one(composeDocument, s);
    const override = rng() < 0.5 ? one(composeDocument, s + 1) : { ...base, text: mutate(base.text, s + 2) };
    const included = one(composeDocument, s + 3);
    const files = new Map<string, string>([
      ['/p/compose.yaml', rng() < 0.5 ? `include:\n  - inc/extra.yaml\n${base.text.replace(/^\uFEFF/, '')}` : base.text],
      ['/p/compose.override.yaml', rng() < 0.3 ? mutate(override.text, s + 4) : override.text],
      ['/p/inc/extra.yaml', included.text],
    ]);
    doc = { path: '/p/compose.yaml', text: files.get('/p/compose.yaml')! };
    try {
      const { set, results } = checkComposeSet(
        ['/p/compose.yaml', '/p/compose.override.yaml'],
        { read: (p) => files.get(p) },
        { target: TARGETS[index % 3], ...options },
      );
      for (const [path, result] of results) {
        const member = set.members.find((m) => m.path === path);
        const length = member?.doc.text.length ?? 0;
        for (const r of result.ruleErrors) violations.push(`set: rule ${r.rule} threw: ${String(r.error)}`);
        for (const f of result.findings) {
          if (!spanInside(f.span, length)) violations.push(`set: ${f.rule} span ${f.span.start}-${f.span.end} outside ${path} (0-${length})`);
          for (const x of f.fixes) for (const e of x.edits) if (!spanInside(e.span, length)) violations.push(`set: ${f.rule} fix edit outside ${path}`);
        }
      }
    } catch (error) {
      const message = String((error as Error)?.message ?? error);
      if (/Cannot convert undefined or null to object|unique is not a function/.test(message)) known.push('merge-proto-key');
      else violations.push(`checkComposeSet threw: ${(error as Error)?.stack ?? message}`);
    }
    return { kind, path: doc.path, violations, known, fixes, text: [...files].map(([p, t]) => `--- ${p}\n${t}`).join('\n') };
  }

  if (kind === 'compose') doc = one(composeDocument, s);
  else if (kind === 'hns') doc = one(hnsDocument, s);
  else if (kind === 'mutation' || kind === 'service') doc = one(mutationOf(baseSamples()), s);
  else doc = one(mutatedGenerated, s);

  const checked = checkInvariants(doc.path, doc.text, { targets: TARGETS });
  keep(checked.violations, doc.text);

  // A mutation is an edit of its base: re-parsed incrementally (when it can be), it must equal the full parse.
  if (kind === 'mutation') {
    const base = baseSamples().find((b) => b.path === (doc as { base?: string }).base);
    if (base) keep(incrementalInvariants(doc.path, base.text, doc.text), doc.text);
  }

  if (kind === 'service') {
    const offsets = [0, 1, 2].map(() => Math.floor(rng() * (doc.text.length + 1)));
    keep(serviceInvariants(`file:///w/${doc.path.replace(/^.*[\\/]/, '')}`, doc.text, offsets), doc.text);
  }

  if (kind === 'compose' && checked.doc) {
    const target = TARGETS[index % 3];
    const o: CheckOptions = { target, ...options };
    const { findings } = checkDocument(checked.doc, o);
    for (const f of findings) {
      for (const fix of f.fixes) {
        fixes++;
        const k = knownFixIssue(checked.doc, f, fix);
        if (k) {
          known.push(k.id);
          continue;
        }
        for (const p of fixProblems(checked.doc, findings, f, fix, o)) violations.push(`fix ${f.rule} '${fix.title}': ${p}`);
      }
    }
    if (index % 4 === 0 && !findings.some((f) => f.fixes.some((x) => knownFixIssue(checked.doc, f, x)))) {
      const once = fixText(doc.path, doc.text, o);
      const fixed = parseDocument(doc.path, once);
      if (!checked.doc.errors.length && fixed.errors.length) violations.push(`--fix output does not parse: ${fixed.errors[0].message}`);
      if (fixText(doc.path, once, o) !== once) violations.push('--fix twice differs from --fix once');
    }
  }
  return { kind, path: doc.path, violations, known, fixes, text: doc.text };
}

// ------------------------------------------------------------------------------------------------ workers

interface WorkerMessage {
  type: 'start' | 'done';
  index: number;
  ms?: number;
  outcome?: Omit<CaseOutcome, 'text'> & { text?: string };
}

function workerMain(): void {
  const seed = Number(values.seed);
  const from = Number(values.from);
  const to = Number(values.to);
  for (let i = from; i < to; i++) {
    process.send!({ type: 'start', index: i } satisfies WorkerMessage);
    const t = performance.now();
    let outcome: CaseOutcome;
    try {
      outcome = runCase(seed, i);
    } catch (error) {
      outcome = {
        kind: KINDS[i % KINDS.length],
        path: '?',
        violations: [`the case itself threw: ${(error as Error)?.stack ?? error}`],
        known: [],
        fixes: 0,
        text: '',
      };
    }
    const ms = performance.now() - t;
    const { text, ...rest } = outcome;
    process.send!({ type: 'done', index: i, ms, outcome: rest.violations.length ? { ...rest, text } : rest } satisfies WorkerMessage);
  }
  process.disconnect?.();
}

interface Totals {
  cases: number;
  byKind: Record<string, number>;
  failed: { index: number; kind: string; path: string; violations: string[]; text?: string }[];
  hung: { index: number; kind: string }[];
  known: Record<string, number>;
  fixes: number;
  times: number[];
  slow: { index: number; ms: number; kind: string }[];
}

async function runWorkers(seed: number, cases: number, workers: number, timeoutMs: number): Promise<Totals> {
  const totals: Totals = { cases: 0, byKind: {}, failed: [], hung: [], known: {}, fixes: 0, times: [], slow: [] };
  const chunk = Math.ceil(cases / workers);
  const started = Date.now();
  let lastReport = started;

  const runRange = (from: number, to: number): Promise<void> =>
    new Promise((resolve) => {
      if (from >= to) return resolve();
      const child: ChildProcess = fork(__filename, ['--worker', '--seed', String(seed), '--from', String(from), '--to', String(to)], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      let current = from;
      let caseStarted = Date.now();
      let finished = false;
      const watchdog = setInterval(() => {
        if (Date.now() - caseStarted > timeoutMs) {
          finished = true;
          clearInterval(watchdog);
          totals.hung.push({ index: current, kind: KINDS[current % KINDS.length] });
          totals.cases++;
          child.kill('SIGKILL');
          // Carry on after the hung case with a fresh worker.
          void runRange(current + 1, to).then(resolve);
        }
      }, 250);
      child.on('message', (m: WorkerMessage) => {
        if (m.type === 'start') {
          current = m.index;
          caseStarted = Date.now();
          return;
        }
        const o = m.outcome!;
        totals.cases++;
        totals.byKind[o.kind] = (totals.byKind[o.kind] ?? 0) + 1;
        totals.fixes += o.fixes;
        totals.times.push(m.ms!);
        if (m.ms! > 1000) totals.slow.push({ index: m.index, ms: m.ms!, kind: o.kind });
        for (const k of o.known) totals.known[k] = (totals.known[k] ?? 0) + 1;
        if (o.violations.length) totals.failed.push({ index: m.index, kind: o.kind, path: o.path, violations: o.violations, text: o.text });
        if (Date.now() - lastReport > 10_000) {
          lastReport = Date.now();
          console.log(
            `  ${totals.cases} / ${cases} cases, ${totals.failed.length} failed, ${totals.hung.length} hung, ${((Date.now() - started) / 1000).toFixed(0)} s`,
          );
        }
      });
      child.on('exit', () => {
        clearInterval(watchdog);
        if (!finished) {
          finished = true;
          resolve();
        }
      });
    });

  await Promise.all(Array.from({ length: workers }, (_, w) => runRange(w * chunk, Math.min(cases, (w + 1) * chunk))));
  return totals;
}

// ------------------------------------------------------------------------------------------------ adversarial

interface TimedResult {
  name: string;
  /** The first run (cold: as a CLI invocation sees it). */
  ms: number;
  /** A second run in the same process (warm: as the language server sees it). */
  warmMs?: number;
  outcome: string;
  /** Peak resident memory of this process so far, after the case (MB). */
  rssMb?: number;
  ok: boolean;
}

/** Runs `run` twice; ok when the first run takes under a second (or `informational`: whenever it does not throw). */
function timed(name: string, run: () => string, informational = false): TimedResult {
  const t = performance.now();
  try {
    const outcome = run();
    const ms = performance.now() - t;
    const t2 = performance.now();
    run();
    const warmMs = performance.now() - t2;
    return { name, ms, warmMs, outcome, ok: informational || ms < 1000 };
  } catch (error) {
    return { name, ms: performance.now() - t, outcome: `THREW ${(error as Error).message}`, ok: false };
  }
}

function engineCase(path: string, text: string): string {
  const result = checkDocument(parseDocument(path, text));
  const rules = [...new Set(result.findings.map((f) => f.rule))];
  const syntax = result.findings.find((f) => f.rule === 'syntax');
  return `${result.findings.length} findings (${rules.join(', ') || 'none'})${syntax ? `: "${syntax.message.slice(0, 70)}"` : ''}${result.kind === 'none' ? ' [kind none]' : ''}`;
}

/** The CLI as a separate process with a watchdog (for inputs that can hang it), memory capped. */
function cliCase(name: string, args: string[], cwd: string, timeoutMs = 10_000): TimedResult {
  const t = performance.now();
  const run = spawnSync(process.execPath, ['--max-old-space-size=256', join(__dirname, '..', 'dist', 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  const hung = run.signal === 'SIGTERM' || (run.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  const summary = hung
    ? `HUNG (killed after ${timeoutMs / 1000} s)`
    : `exit ${run.status}${run.signal ? ` (${run.signal})` : ''}: ${(run.stdout + run.stderr).replace(/\s+/g, ' ').trim().slice(0, 120)}`;
  return { name, ms, outcome: summary, ok: !hung && ms < 1000 && (run.status === 0 || run.status === 1 || run.status === 2) };
}

/** The engine's adversarial cases: each runs in its own process, so its time and peak memory are its own. */
const ENGINE_CASES: Record<string, () => { path: string; text: string; informational?: boolean }> = {
  'billion laughs (9 x 9 aliases)': () => ({ path: 'compose.yaml', text: ADVERSARIAL.aliasBomb() }),
  'merge-key bomb (9 x 12 levels)': () => ({ path: 'compose.yaml', text: ADVERSARIAL.mergeBomb(12) }),
  '100,000-deep YAML flow sequences': () => ({ path: 'compose.yaml', text: ADVERSARIAL.deepYamlFlowSeq(100_000) }),
  '100,000-deep YAML flow mappings': () => ({ path: 'compose.yaml', text: ADVERSARIAL.deepYamlFlowMap(100_000) }),
  '100,000-deep YAML block sequences': () => ({ path: 'compose.yaml', text: ADVERSARIAL.deepYamlBlockSeq(100_000) }),
  '5,000-deep indented YAML mappings (12.5 MB)': () => ({ path: 'compose.yaml', text: ADVERSARIAL.deepYamlIndented(5000) }),
  '100,000-deep JSON arrays (hns.json)': () => ({ path: 'hns.json', text: ADVERSARIAL.deepJsonArray(100_000) }),
  '100,000-deep JSON objects (hns.json)': () => ({ path: 'hns.json', text: ADVERSARIAL.deepJsonObject(100_000) }),
  '1 MB single-line compose (100,000 ports in a flow list)': () => ({ path: 'compose.yaml', text: ADVERSARIAL.longLineCompose(1 << 20) }),
  '1 MB single-line HNS JSON': () => ({ path: 'hns.json', text: ADVERSARIAL.longLineJson(1 << 20) }),
  '1 MB plain scalar': () => ({ path: 'compose.yaml', text: `services:\n  web:\n    image: ${'a'.repeat(1 << 20)}\n` }),
  'NUL byte in YAML': () => ({ path: 'compose.yaml', text: 'services:\n  web:\n    image: x\u0000\n' }),
  'NUL byte in JSON': () => ({ path: 'hns.json', text: '{"Name": "a\u0000", "Type": "NAT"}' }),
  'a port of 100,000 compose variables': () => ({ path: 'compose.yaml', text: ADVERSARIAL.variablePort(100_000) }),
  'a line of 1,000,000 no-break spaces (no key after them)': () => ({ path: 'compose.yaml', text: ADVERSARIAL.noBreakSpaceLine(1_000_000, false) }),
  'a line of 1,000,000 no-break spaces, then a key': () => ({ path: 'compose.yaml', text: ADVERSARIAL.noBreakSpaceLine(1_000_000, true) }),
  'mixed CRLF / LF / CR': () => ({ path: 'compose.yaml', text: ADVERSARIAL.mixedLineEndings() }),
  'duplicate keys': () => ({ path: 'compose.yaml', text: 'services:\n  web:\n    image: a\n  web:\n    image: b\n' }),
  'huge numbers': () => ({ path: 'compose.yaml', text: ADVERSARIAL.hugeNumbers() }),
  '__proto__ / constructor keys': () => ({
    path: 'compose.yaml',
    text: 'services:\n  __proto__: {image: mcr.microsoft.com/windows/nanoserver:ltsc2022, ports: ["127.0.0.1:80:80"]}\n  constructor: {networks: [__proto__]}\nnetworks:\n  __proto__: {driver: constructor}\n',
  }),
  'YAML language tags (!!js/function)': () => ({ path: 'compose.yaml', text: 'services:\n  web: !!js/function "function(){}"\n' }),
  '2,000 services with a finding each': () => ({ path: 'compose.yaml', text: ADVERSARIAL.manyServices(2000) }),
  '[info] 50 MB compose text into the engine (the CLI and server refuse > 10 MB)': () => ({
    path: 'compose.yaml',
    text: ADVERSARIAL.fiftyMegabytes(),
    informational: true,
  }),
};

/** In a child process: one engine case, timed cold and warm, with this process's peak memory. */
function adversarialCaseMain(name: string): void {
  const { path, text, informational } = ENGINE_CASES[name]();
  const result = timed(name, () => engineCase(path, text), informational);
  process.stdout.write(JSON.stringify({ ...result, rssMb: process.resourceUsage().maxRSS / 1024, inputMb: text.length / 1048576 }));
}

function adversarial(): TimedResult[] {
  const results: TimedResult[] = [];
  for (const name of Object.keys(ENGINE_CASES)) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--adversarial-case', name], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    if (run.status !== 0 || !run.stdout)
      results.push({ name, ms: NaN, outcome: `FAILED (exit ${run.status}${run.signal ? `, ${run.signal}` : ''}): ${run.stderr.slice(0, 300)}`, ok: false });
    else results.push(JSON.parse(run.stdout) as TimedResult);
  }
  results.push(
    timed('include diamond, 24 levels (in memory)', () => {
      const files = new Map<string, string>();
      for (let i = 0; i < 24; i++)
        files.set(
          `/p/f${i}.yaml`,
          `include:\n  - f${i + 1}.yaml\n  - f${i + 2}.yaml\nservices:\n  s${i}:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n`,
        );
      const r = checkComposeSet(['/p/f0.yaml'], { read: (p) => files.get(p) });
      return `${r.set.members.length} members, ${[...r.results.values()].reduce((n, x) => n + x.findings.length, 0)} findings`;
    }),
  );

  // The CLI on files, in its own process: size limit, undecodable bytes, devices, FIFOs.
  const dir = mkdtempSync(join(tmpdir(), 'winnet-fuzz-adv-'));
  try {
    writeFileSync(join(dir, 'compose.yaml'), ADVERSARIAL.fiftyMegabytes());
    results.push(cliCase('CLI: 50 MB compose.yaml', ['check', 'compose.yaml', '--format', 'json'], dir));
    rmSync(join(dir, 'compose.yaml'));
    writeFileSync(
      join(dir, 'docker-compose.yml'),
      Buffer.concat([
        Buffer.from('# caf'),
        Buffer.from([0xe9, 0xff]),
        Buffer.from('\nservices:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    network_mode: bridge\n'),
      ]),
    );
    results.push(cliCase('CLI: invalid UTF-8 with --fix', ['check', 'docker-compose.yml', '--fix'], dir));
    rmSync(join(dir, 'docker-compose.yml'));
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\ninclude:\n  - /dev/zero\n');
    results.push(cliCase('CLI: include of /dev/zero', ['check', 'compose.yaml'], dir));
    rmSync(join(dir, 'compose.yaml'));
    symlinkSync('/dev/zero', join(dir, 'docker-compose.yml'));
    results.push(cliCase('CLI: docker-compose.yml -> /dev/zero', ['check', 'docker-compose.yml'], dir));
    rmSync(join(dir, 'docker-compose.yml'));
    if (spawnSync('mkfifo', [join(dir, 'compose.yaml')]).status === 0) results.push(cliCase('CLI: compose.yaml is a FIFO', ['check', 'compose.yaml'], dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** The language server given a 50 MB document: how long until its one "too large" notice, and its memory. */
async function serverCase(): Promise<TimedResult> {
  const server = new LspClient();
  const name = 'server: a 50 MB document opened';
  try {
    await server.initialize();
    const text = ADVERSARIAL.fiftyMegabytes();
    const uri = fileUri(join(tmpdir(), 'winnet-fuzz-big', 'compose.yaml'));
    const t = performance.now();
    server.open(uri, text);
    const ds = await server.diagnosticsFor(uri, () => true, 60_000);
    const ms = performance.now() - t;
    const rss = server.rss();
    return {
      name,
      ms,
      outcome: ds.map((d) => `${d.code}: ${d.message}`).join('; '),
      rssMb: rss !== undefined ? rss / 1048576 : undefined,
      ok: ms < 1000 && ds.length === 1,
    };
  } catch (error) {
    return { name, ms: NaN, outcome: `FAILED ${(error as Error).message.slice(0, 200)}`, ok: false };
  } finally {
    await server.shutdown();
  }
}

// ------------------------------------------------------------------------------------------------ main

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

async function main(): Promise<number> {
  const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  if (values.replay !== undefined) {
    const outcome = runCase(seed, Number(values.replay));
    console.log(JSON.stringify(outcome, null, 2));
    return outcome.violations.length ? 1 : 0;
  }
  const cases = Number(values.cases);
  const workers = Number(values.workers ?? Math.max(1, Math.min(4, cpus().length)));
  const timeoutMs = Number(values['case-timeout']);
  console.log(
    `winnet fuzz: ${cases} cases, seed ${seed}, ${workers} workers, corpus ${corpusSamples().length ? `${corpusSamples().length} files from ${CORPUS}` : 'absent'}, ${baseSamples().length} mutation bases`,
  );
  const started = Date.now();
  const totals = await runWorkers(seed, cases, workers, timeoutMs);
  const elapsed = (Date.now() - started) / 1000;
  const times = [...totals.times].sort((a, b) => a - b);
  console.log(`
cases          ${totals.cases} in ${elapsed.toFixed(0)} s (${Object.entries(totals.byKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')})
fixes checked  ${totals.fixes}
failed         ${totals.failed.length}
hung           ${totals.hung.length}${totals.hung.length ? ` (${totals.hung.map((h) => `#${h.index} ${h.kind}`).join(', ')})` : ''}
known issues   ${
    Object.entries(totals.known)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none'
  }
time per case  median ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, max ${(times[times.length - 1] ?? 0).toFixed(1)} ms; over 1 s: ${totals.slow.length}${totals.slow
    .slice(0, 5)
    .map((x) => `\n  slow: #${x.index} ${x.kind} ${x.ms.toFixed(0)} ms (npm run fuzz -- --seed ${seed} --replay ${x.index})`)
    .join('')}`);
  const groups = new Map<string, typeof totals.failed>();
  for (const f of totals.failed) {
    const key = f.violations[0].replace(/\d+/g, 'N').slice(0, 120);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const [key, fails] of groups) {
    const f = fails[0];
    console.log(
      `\nFAILED ×${fails.length}: ${key}\n  replay: npm run fuzz -- --seed ${seed} --replay ${f.index}\n  ${f.violations.slice(0, 3).join('\n  ')}\n  ${f.path}: ${JSON.stringify(f.text ?? '').slice(0, 600)}`,
    );
  }

  let adversarialOk = true;
  if (!values['no-adversarial']) {
    console.log('\nadversarial inputs (each engine case in its own process: cold and warm time, peak RSS; CLI cases with a 10 s watchdog):');
    const results = adversarial();
    results.push(await serverCase());
    for (const r of results) {
      adversarialOk &&= r.ok;
      const warm = r.warmMs !== undefined ? ` (warm ${r.warmMs.toFixed(0)})` : '';
      console.log(
        `  ${r.ok ? 'ok  ' : 'SLOW'} ${r.name.padEnd(76)} ${r.ms.toFixed(0).padStart(6)} ms${warm}${r.rssMb !== undefined ? `, peak RSS ${r.rssMb.toFixed(0)} MB` : ''}  ${r.outcome}`,
      );
    }
  }
  return totals.failed.length || totals.hung.length || !adversarialOk ? 1 : 0;
}

if (values.worker) workerMain();
else if (values['adversarial-case'] !== undefined) adversarialCaseMain(values['adversarial-case']);
else
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
