/**
 * What the distribution tests share: the repository, an environment for the npm, git and pre-commit processes they
 * start, temporary folders, the compose files they check, and a clean clone of the repository with the
 * distribution files of the working tree in it (what a user's `git clone`, GitHub's checkout of the action or
 * pre-commit's clone of the hook repository holds once these files are committed).
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const REPO = join(__dirname, '..', '..');

/** A compose file Windows rejects: `network_mode: host` (error), `extra_hosts` (warning). */
export const BAD_COMPOSE = `services:
  web:
    image: mcr.microsoft.com/windows/servercore:ltsc2022
    network_mode: host
    extra_hosts: ["db:10.0.0.5"]
`;

/** Only a warning: `extra_hosts` is ignored for Windows containers. */
export const WARNING_COMPOSE = `services:
  web:
    image: mcr.microsoft.com/windows/servercore:ltsc2022
    extra_hosts: ["db:10.0.0.5"]
`;

/** A Windows compose file with nothing to report (not even a note). */
export const CLEAN_COMPOSE = `services:
  web:
    image: mcr.microsoft.com/windows/servercore:ltsc2022
    ports: ["8080:80"]
networks:
  default:
    name: nat
    external: true
`;

/**
 * The environment for child npm, git and pre-commit processes: this one without the npm_* variables an outer
 * `npm test` exports (its prefix, user agent, lifecycle event), which would steer the inner npm, keeping the ones
 * a user or CI sets on purpose (cache, registry, certificates, proxies).
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = /^npm_config_(cache|registry|cafile|proxy|https_proxy|noproxy|strict_ssl)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) || keep.test(key)) env[key] = value;
  return { ...env, NO_COLOR: '1', ...extra };
}

/** A new temporary folder, removed by the returned function. */
export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `winnet-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end and returns its exit code and output (never throws on a non-zero exit). */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): Ran {
  const result = spawnSync(command, args, { encoding: 'utf8', env: childEnv(), maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Fails with the command's output when it did not exit 0. */
export function runOk(command: string, args: string[], options: SpawnSyncOptions = {}): Ran {
  const ran = run(command, args, options);
  if (ran.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${ran.status}\n${ran.stdout}\n${ran.stderr}`);
  return ran;
}

/**
 * The files the distribution depends on, copied from the working tree over a clone of HEAD: a clone holds what
 * is committed, and these may not be yet. Missing ones (not created) are skipped.
 */
const DISTRIBUTION_FILES = [
  'package.json',
  'package-lock.json',
  'esbuild.js',
  '.npmignore',
  '.npmrc',
  '.pre-commit-hooks.yaml',
  'action.yml',
  'scripts/distribution',
];

/**
 * A clone of the repository at HEAD in `dir`, with the working tree's distribution files committed on top: what
 * GitHub checks out for `uses: <owner>/winnet@<ref>` and pre-commit clones for the hook. It has no dist/ and no
 * node_modules/, as a fresh clone has none.
 */
export function distributionClone(dir: string): string {
  runOk('git', ['clone', '--quiet', '--no-hardlinks', REPO, dir]);
  for (const file of DISTRIBUTION_FILES) {
    const from = join(REPO, file);
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(from, join(dir, file), { recursive: true });
  }
  runOk('git', ['add', '--all'], { cwd: dir });
  const identity = ['-c', 'user.name=winnet tests', '-c', 'user.email=tests@winnet.invalid', '-c', 'commit.gpgsign=false'];
  const status = runOk('git', ['status', '--porcelain'], { cwd: dir }).stdout;
  if (status.trim()) runOk('git', [...identity, 'commit', '--quiet', '--no-verify', '-m', 'distribution files from the working tree'], { cwd: dir });
  return dir;
}
