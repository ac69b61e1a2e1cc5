/**
 * The harness side of the in-host mocha run: writes the job file the runner extension reads (its path goes to
 * code-server as $WINNET_E2E_JOB), waits for the results file, and reports each test as a check.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { MochaJob, MochaResults } from '../host/mocha-job';
import type { Checks } from './checks';

export function writeJob(path: string, job: MochaJob): void {
  writeFileSync(path, JSON.stringify(job, null, 2));
}

/**
 * Waits for the runner extension to pick the job up (`<results>.started`, proof that the extension host runs)
 * and then for the results. Throws an Error naming which of the two never happened.
 */
export async function waitForResults(job: MochaJob, startTimeoutMs: number, runTimeoutMs: number, isAlive: () => boolean = () => true): Promise<MochaResults> {
  const started = `${job.results}.started`;
  const poll = async (file: string, timeoutMs: number, what: string): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(file)) {
      if (!isAlive()) throw new Error(`${what}: code-server exited`);
      if (Date.now() > deadline) throw new Error(`${what}: nothing after ${Math.round(timeoutMs / 1000)} s (waited for ${file})`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  await poll(started, startTimeoutMs, 'the extension host did not start the runner extension (winnet-e2e.mocha-runner)');
  await poll(job.results, runTimeoutMs, 'the in-host mocha suite did not finish');
  return JSON.parse(readFileSync(job.results, 'utf8')) as MochaResults;
}

/** Records each in-host test as a check, with the assertion's expected/actual on failure. */
export function reportResults(results: MochaResults, checks: Checks, prefix = 'in-host: ', screenshot?: string): void {
  const shotLine = screenshot ? [`screenshot:    ${screenshot} (the workbench when the suite ended)`] : [];
  if (results.fatal) {
    checks.record(`${prefix}suite loads and runs`, false, results.stats.durationMs, [results.fatal.message, results.fatal.stack ?? '', ...shotLine].join('\n'));
  }
  for (const test of results.tests) {
    if (test.state === 'pending') {
      console.log(`  - ${prefix}${test.fullTitle} (pending)`);
      continue;
    }
    let details: string | undefined;
    if (test.error) {
      const lines = [test.error.message];
      if (test.error.expected !== undefined || test.error.actual !== undefined) {
        lines.push(`expected:      ${test.error.expected}`, `editor showed: ${test.error.actual}`);
      }
      // The stack repeats the message (and an assertion's diff) before its frames: keep the first frames only.
      if (test.error.stack)
        lines.push(
          ...test.error.stack
            .split('\n')
            .filter((l) => /^\s+at /.test(l))
            .slice(0, 4),
        );
      lines.push(...shotLine);
      details = lines.join('\n');
    }
    checks.record(`${prefix}${test.fullTitle}`, test.state === 'passed', test.durationMs ?? 0, details);
  }
  if (!results.fatal && results.tests.length === 0) checks.record(`${prefix}the suite ran at least one test`, false, 0, 'mocha ran no test');
}
