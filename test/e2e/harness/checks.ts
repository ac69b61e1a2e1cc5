/**
 * A small check runner for the on-screen and Neovim checks. Each check is named; a failure prints what was
 * expected, what the editor showed, and the path of the screenshot taken at that moment. The run ends with
 * the plain line "e2e: N passed, N failed".
 */
import { inspect } from 'node:util';

/** A check's failure: what was expected against what the editor (or Neovim) showed. */
export class Mismatch extends Error {
  constructor(
    readonly what: string,
    readonly expected: unknown,
    readonly actual: unknown,
    readonly screenshot?: string,
  ) {
    super(`${what}: expected ${describe(expected)}, editor showed ${describe(actual)}`);
  }
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return inspect(value, { depth: 5, breakLength: 120 });
}

function indent(text: string, prefix = '      '): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

export interface CheckOutcome {
  name: string;
  ok: boolean;
  ms: number;
  error?: unknown;
}

export class Checks {
  readonly outcomes: CheckOutcome[] = [];

  /**
   * Called with a check's name after it failed; returns the path of a screenshot of that moment (or of the file
   * that shows what was seen). The Mismatch's own screenshot, if it has one, is printed too.
   */
  onFailureShot: (name: string) => Promise<string | undefined> = async () => undefined;

  /** Runs one check. Returns false if it failed (the run goes on, later checks may depend on it). */
  async check(name: string, fn: () => Promise<void> | void): Promise<boolean> {
    const started = Date.now();
    try {
      await fn();
      const ms = Date.now() - started;
      this.outcomes.push({ name, ok: true, ms });
      console.log(`  ✓ ${name} (${ms} ms)`);
      return true;
    } catch (error) {
      const ms = Date.now() - started;
      this.outcomes.push({ name, ok: false, ms, error });
      let shot: string | undefined;
      try {
        shot = await this.onFailureShot(name);
      } catch (e) {
        shot = `(no screenshot: ${e instanceof Error ? e.message : String(e)})`;
      }
      console.log(`  ✗ ${name} (${ms} ms)`);
      if (error instanceof Mismatch) {
        console.log(`      ${error.what}`);
        console.log(`      expected:      ${describe(error.expected).split('\n').join('\n                     ')}`);
        console.log(`      editor showed: ${describe(error.actual).split('\n').join('\n                     ')}`);
        if (error.screenshot) console.log(`      screenshot:    ${error.screenshot}`);
      } else {
        console.log(indent(error instanceof Error ? (error.stack ?? error.message) : String(error)));
      }
      if (shot) console.log(`      ${shot.endsWith('.png') ? 'screenshot:   ' : 'details:      '} ${shot}`);
      return false;
    }
  }

  /** Records a result computed elsewhere (the in-host mocha tests). */
  record(name: string, ok: boolean, ms: number, details?: string): void {
    this.outcomes.push({ name, ok, ms, error: ok ? undefined : details });
    console.log(`  ${ok ? '✓' : '✗'} ${name} (${ms} ms)`);
    if (!ok && details) console.log(indent(details));
  }

  get passed(): number {
    return this.outcomes.filter((o) => o.ok).length;
  }

  get failed(): number {
    return this.outcomes.filter((o) => !o.ok).length;
  }

  summary(label = 'e2e'): string {
    return `${label}: ${this.passed} passed, ${this.failed} failed`;
  }
}

/** Polls `probe` until `ok` holds for its value; on timeout throws a Mismatch with the last value seen. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T> | T,
  ok: (value: T) => boolean,
  expected: unknown,
  timeoutMs = 15_000,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (ok(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const actual = lastError !== undefined ? `(error) ${lastError instanceof Error ? lastError.message : String(lastError)}` : last;
      throw new Mismatch(`${what} (waited ${timeoutMs} ms)`, expected, actual);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
