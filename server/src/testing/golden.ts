/**
 * The findings winnet gives the files in examples/, kept in one golden file (examples/expected-findings.json)
 * that engine/examples.test.ts checks and every other test about the examples reads, so a change in behaviour
 * is one regenerated file, not hand edits in four tests. `npm run test:golden` rewrites it from the engine
 * (UPDATE_GOLDEN=1); review the diff like any other change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const GOLDEN = join(EXAMPLES, 'expected-findings.json');

export interface GoldenFile {
  target: 'windows' | 'linux';
  /** `line:column rule`, 1-based, in file order. */
  findings: string[];
}

export interface Golden {
  /** Each example file checked alone, by its path under examples/. */
  files: Record<string, GoldenFile>;
  /** Compose sets checked whole: the set's first file, then each member's findings by path under examples/. */
  sets: Record<string, Record<string, string[]>>;
}

export const updating = process.env.UPDATE_GOLDEN === '1';

export function readGolden(): Golden {
  return JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden;
}

export function writeGolden(golden: Golden): void {
  writeFileSync(GOLDEN, `${JSON.stringify(golden, null, 2)}\n`);
}

/** The rule ids of an example file's golden findings, in file order. */
export function goldenRules(file: string): string[] {
  return readGolden().files[file].findings.map((f) => f.split(' ')[1]);
}
