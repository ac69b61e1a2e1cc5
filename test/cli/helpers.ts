/** Runs the CLI in-process against a folder, capturing output and the exit code. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../server/src/cli/main';

export const REPO = join(__dirname, '..', '..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], cwd = REPO): CliRun {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: {} });
  return { code, stdout, stderr };
}

/** A scratch copy of some examples, so --fix can write. */
export function scratchCopy(...examples: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'winnet-cli-'));
  for (const example of examples) cpSync(join(REPO, 'examples', example), join(dir, example), { recursive: true });
  return dir;
}
