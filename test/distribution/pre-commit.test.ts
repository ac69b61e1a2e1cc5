/**
 * The pre-commit hook (.pre-commit-hooks.yaml). Its `files` pattern is checked against the names winnet reads; then
 * Debian's pre-commit (installed with apt-get when missing and possible, else the test is skipped) runs
 * `pre-commit try-repo` against a clone of this repository in a temporary git project, as a user's
 * `.pre-commit-config.yaml` would: pre-commit installs the repository with npm (`language: node`: `npm install`, then
 * `npm pack`, whose `prepack` builds the bundles, then a global install of the tarball into its own environment;
 * this needs the npm registry or a warm npm cache) and runs `winnet check` on the files. A bad compose file fails
 * the hook, clean and foreign files pass it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { load } from 'js-yaml';
import { isComposeName, isEnvFileName } from '../../server/src/documents/kind';
import { BAD_COMPOSE, CLEAN_COMPOSE, childEnv, distributionClone, REPO, run, runOk, tempDir } from './support';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
}

const hooks = load(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'winnet')!;

/** The hook's `files` as JavaScript reads it (pre-commit's Python `re.search`; a leading `(?i)` is the `i` flag). */
function filesPattern(): RegExp {
  const caseless = hook.files.startsWith('(?i)');
  return new RegExp(caseless ? hook.files.slice(4) : hook.files, caseless ? 'i' : '');
}

describe('the pre-commit hook definition', () => {
  it('runs `winnet check` on the files it is given, from the package pre-commit installs', () => {
    assert.ok(hook, 'a hook with id winnet');
    assert.equal(hook.entry, 'winnet check');
    assert.equal(hook.language, 'node');
    assert.equal(hook.pass_filenames, true);
  });

  it('matches the files winnet reads and no other YAML', () => {
    const files = filesPattern();
    const ours = [
      'docker-compose.yml',
      'deploy/docker-compose.windows.yaml',
      'compose.yaml',
      'compose.override.yml',
      'Compose.YAML',
      'docker-stack.yml',
      '.env',
      'deploy/windows.env',
      'hns/network.json',
      'cni/10-l2bridge.conf',
      'cni/net.conflist',
      'settings.jsonc',
      'scripts/up.ps1',
      'scripts/up.cmd',
      'scripts/up.bat',
      'scripts/up.sh',
      'README.md',
      '.github/workflows/ci.yml',
      'azure-pipelines.yml',
      '.gitlab-ci.yml',
    ];
    const others = [
      'values.yaml',
      'k8s/deployment.yml',
      'mkdocs.yml',
      'Dockerfile',
      'src/index.ts',
      'composer.lock',
      'docs/environment.txt',
      '.github/dependabot.yml',
    ];
    assert.deepEqual(
      ours.filter((f) => !files.test(f)),
      [],
    );
    assert.deepEqual(
      others.filter((f) => files.test(f)),
      [],
    );
    // The engine's own name tests agree wherever they say yes.
    for (const f of ours.filter((f) => isComposeName(f) || isEnvFileName(f))) assert.ok(files.test(f), f);
    for (const f of others) assert.ok(!isComposeName(f), f);
  });
});

// Commands run by name from PATH (Debian's packages, not npm's).
const PRE_COMMIT = 'pre-commit';
const APT_GET = 'apt-get';

/** pre-commit on PATH: there already, or installed from Debian (as root, or with password-less sudo). */
function ensurePreCommit(): string | undefined {
  const has = () => spawnSync(PRE_COMMIT, ['--version'], { encoding: 'utf8' }).status === 0;
  if (has()) return undefined;
  if (spawnSync(APT_GET, ['--version']).status !== 0) return 'pre-commit is not installed and there is no apt-get to install it';
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  if (sudo.length && spawnSync('sudo', ['-n', 'true']).status !== 0) return 'pre-commit is not installed and apt-get needs root (no password-less sudo)';
  const apt = (args: string[]) =>
    spawnSync(sudo[0] ?? APT_GET, [...sudo.slice(1), ...(sudo.length ? [APT_GET] : []), ...args], {
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  if (apt(['install', '-y', '-qq', 'pre-commit']).status !== 0) {
    apt(['update', '-qq']);
    const installed = apt(['install', '-y', '-qq', 'pre-commit']);
    if (installed.status !== 0) return `apt-get install pre-commit failed: ${installed.stderr.slice(-500)}`;
  }
  return has() ? undefined : 'pre-commit still not on PATH after apt-get install pre-commit';
}

describe('the pre-commit hook under pre-commit try-repo', () => {
  const work = tempDir('pre-commit');
  const project = join(work.path, 'project');
  let hooksRepo = '';
  let unavailable: string | undefined;
  // pre-commit's cache (its clones and hook environments) in the temporary folder, nothing in the user's.
  const env = childEnv({ PRE_COMMIT_HOME: join(work.path, 'pre-commit-home'), PRE_COMMIT_COLOR: 'never' });
  const tryRepo = (...files: string[]) => run(PRE_COMMIT, ['try-repo', hooksRepo, 'winnet', '--verbose', '--files', ...files], { cwd: project, env });

  before(() => {
    unavailable = ensurePreCommit();
    if (unavailable) return;
    // The hook repository as pre-commit clones it: this repository at HEAD with the distribution files on top.
    hooksRepo = distributionClone(join(work.path, 'hooks-repo'));
    mkdirSync(join(project, 'clean'), { recursive: true });
    writeFileSync(join(project, 'docker-compose.yml'), BAD_COMPOSE);
    writeFileSync(join(project, 'clean', 'compose.yaml'), CLEAN_COMPOSE);
    writeFileSync(join(project, 'clean', '.env'), 'TAG=ltsc2022\n');
    writeFileSync(join(project, 'package.json'), '{ "name": "not-a-compose-file", "version": "1.0.0" }\n');
    runOk('git', ['init', '--quiet'], { cwd: project });
    runOk('git', ['add', '--all'], { cwd: project });
  });
  after(() => work.remove());

  it('fails on a bad compose file and prints its findings', { timeout: 900_000 }, (t) => {
    if (unavailable) return t.skip(unavailable);
    const ran = tryRepo('docker-compose.yml');
    const output = ran.stdout + ran.stderr;
    assert.equal(ran.status, 1, output.slice(-6000));
    assert.match(output, /- hook id: winnet/);
    assert.match(output, /docker-compose\.yml[\s\S]*network-mode-host/);
  });

  it('passes clean compose, env and foreign JSON files', { timeout: 900_000 }, (t) => {
    if (unavailable) return t.skip(unavailable);
    const ran = tryRepo('clean/compose.yaml', 'clean/.env', 'package.json');
    const output = ran.stdout + ran.stderr;
    assert.equal(ran.status, 0, output.slice(-6000));
    assert.match(output, /winnet \(Windows container networking\)\.+Passed/);
  });
});
