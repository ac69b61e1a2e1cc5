/**
 * `winnet check` on a repository's scripts, CI files and docs: the docker commands in them are checked like
 * compose files, files without one are not listed, and the findings point at the command's flags.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'winnet-scripts-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function check(cwd: string, ...args: string[]) {
  let stdout = '';
  const code = runCli(['check', '.', '--format', 'json', ...args], { cwd, stdout: (t) => (stdout += t), stderr: () => {}, isTTY: false, env: {} });
  const files = (
    JSON.parse(stdout) as { files: { path: string; kind: string; findings: { rule: string; range: { start: { line: number; character: number } } }[] }[] }
  ).files;
  return { code, files };
}

describe('winnet check: docker commands in scripts, CI files and Markdown', () => {
  it('checks the commands of each kind of file and leaves files without one unlisted', () => {
    const dir = repo({
      'scripts/setup.ps1': 'docker network create -d transparent `\n  --ipv6 lan\n',
      'scripts/build.sh': 'npm ci\nnpm test\n',
      'docs/networking.md': '# Networking\n\n```powershell\nPS C:\\> docker run -d --dns-option ndots:2 mcr.microsoft.com/windows/nanoserver:ltsc2022\n```\n',
      'README.md': '# A project\n\nRun `npm test`.\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: windows-latest\n    steps:\n      - run: docker network create --internal backend\n',
    });
    const { code, files } = check(dir);
    const byPath = Object.fromEntries(
      files.map((f) => [f.path.replace(/\\/g, '/'), f.findings.map((x) => `${x.rule}@${x.range.start.line}:${x.range.start.character}`)]),
    );
    assert.deepEqual(Object.keys(byPath).sort(), ['.github/workflows/ci.yml', 'docs/networking.md', 'scripts/setup.ps1']);
    assert.ok(byPath['scripts/setup.ps1'].includes('enable-ipv6@1:2'), byPath['scripts/setup.ps1'].join());
    assert.ok(byPath['docs/networking.md'].includes('dns-opt@3:22'), byPath['docs/networking.md'].join());
    assert.ok(byPath['.github/workflows/ci.yml'].includes('internal-network@5:35'), byPath['.github/workflows/ci.yml'].join());
    assert.equal(code, 1);
  });

  it('--target linux silences the Windows rules in a PowerShell script too', () => {
    const dir = repo({ 'setup.ps1': 'docker network create --ipv6 lan\n' });
    assert.deepEqual(
      check(dir, '--target', 'linux').files.flatMap((f) => f.findings),
      [],
    );
  });

  it('`docker compose -f a -f b` in a script names a set: its files are checked together, as that project', () => {
    const dir = repo({
      'deploy/base.yml': 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n    networks: [app]\n',
      'deploy/windows.yml': 'networks:\n  app:\n    driver: bridge\n',
      'scripts/deploy.ps1': 'docker compose -f deploy/base.yml -f deploy/windows.yml up -d\n',
    });
    const { files } = check(dir);
    const rules = Object.fromEntries(files.map((f) => [f.path.replace(/\\/g, '/'), f.findings.map((x) => x.rule)]));
    // Found through the script only (neither name is a compose name), and read as one project: `app` is defined.
    assert.ok(rules['deploy/windows.yml']?.includes('linux-driver'), JSON.stringify(rules));
    assert.ok(!rules['deploy/base.yml']?.includes('undefined-network'), JSON.stringify(rules));
  });

  it('a set whose files are not where the script or the current folder would find them is left out', () => {
    const dir = repo({ 'scripts/deploy.sh': 'docker-compose -f missing.yml up\n' });
    assert.deepEqual(check(dir).files, []);
  });
});
