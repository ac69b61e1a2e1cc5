/**
 * Runs a mocha suite inside an extension host and returns JSON-ready results. Shared by the code-server
 * companion extension (runner-extension/) and the @vscode/test-electron entry (host/electron-index.ts).
 *
 * A job names the compiled (CommonJS) test files, the mocha module to load them with (the repo's
 * node_modules/mocha, by absolute path, so the runner ships no mocha of its own), and where the results go.
 * Test files use mocha's BDD globals (`describe`, `it`, hooks) and `require('vscode')`.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { inspect } from 'node:util';
import type MochaType from 'mocha';

export interface MochaJob {
  /** Absolute paths of compiled test files, run in this order. */
  files: string[];
  /** Absolute path of the mocha package to load (a folder with package.json). */
  mocha: string;
  /** Where the results JSON is written (atomically, once, when the run ends). */
  results: string;
  /** Per-test timeout in ms (mocha's default 2 s is too short for a language server's first answer). */
  timeout?: number;
  /** Only tests whose full title matches this regular expression. */
  grep?: string;
}

export interface TestError {
  message: string;
  expected?: string;
  actual?: string;
  stack?: string;
}

export interface TestResult {
  fullTitle: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: TestError;
}

export interface MochaResults {
  stats: { tests: number; passes: number; failures: number; pending: number; durationMs: number };
  tests: TestResult[];
  /** Set when the suite could not be loaded or run at all. */
  fatal?: TestError;
  /** Where it ran, e.g. { vscode: '1.139.1', node: 'v24.x', appName: 'code-server' }. */
  host: Record<string, string>;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : inspect(value, { depth: 6, breakLength: 100 });
}

function errorOf(err: unknown): TestError {
  if (err instanceof Error || (typeof err === 'object' && err !== null && 'message' in err)) {
    const e = err as Error & { expected?: unknown; actual?: unknown; showDiff?: boolean };
    const out: TestError = { message: String(e.message), stack: e.stack };
    if ('expected' in e || 'actual' in e) {
      out.expected = show(e.expected);
      out.actual = show(e.actual);
    }
    return out;
  }
  return { message: show(err) };
}

export function runMochaJob(job: MochaJob, host: Record<string, string>): Promise<MochaResults> {
  const started = Date.now();
  const tests: TestResult[] = [];
  const finish = (fatal?: TestError): MochaResults => ({
    stats: {
      tests: tests.length,
      passes: tests.filter((t) => t.state === 'passed').length,
      failures: tests.filter((t) => t.state === 'failed').length + (fatal ? 1 : 0),
      pending: tests.filter((t) => t.state === 'pending').length,
      durationMs: Date.now() - started,
    },
    tests,
    fatal,
    host,
  });
  return new Promise((resolvePromise) => {
    try {
      // A runtime require of an absolute path: bundlers leave it alone, and the host's own mocha (if any) is not used.
      const Mocha = require(job.mocha) as typeof MochaType;
      const mocha = new Mocha({ ui: 'bdd', timeout: job.timeout ?? 30_000, color: false, reporter: 'spec' });
      if (job.grep) mocha.grep(new RegExp(job.grep));
      for (const file of job.files) {
        delete require.cache[require.resolve(file)];
        mocha.addFile(file);
      }
      const runner = mocha.run(() => resolvePromise(finish()));
      runner.on('pass', (test) => tests.push({ fullTitle: test.fullTitle(), file: test.file, state: 'passed', durationMs: test.duration }));
      runner.on('pending', (test) => tests.push({ fullTitle: test.fullTitle(), file: test.file, state: 'pending' }));
      // Also fires for failing hooks ("before all" hook ...), which are reported as failed entries too.
      runner.on('fail', (test, err) =>
        tests.push({ fullTitle: test.fullTitle(), file: test.file, state: 'failed', durationMs: test.duration, error: errorOf(err) }),
      );
    } catch (err) {
      resolvePromise(finish(errorOf(err)));
    }
  });
}

/** Writes the results where the harness waits for them: to a temporary name first, so it never reads half a file. */
export function writeResults(path: string, results: MochaResults): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(results, null, 2));
  renameSync(temporary, path);
}
