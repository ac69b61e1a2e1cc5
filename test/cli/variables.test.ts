/**
 * Compose variables from the CLI, as `docker compose` reads them: the project's `.env` beside the first compose
 * file, `--env-file` instead of it, the shell's environment over both (unless --no-process-env), `COMPOSE_FILE`
 * naming a folder's set. Findings on substituted values say what they judged, in every format, and the env files
 * read get findings of their own.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';

const COMPOSE = `services:
  cm:
    image: mcr.microsoft.com/windows/servercore:\${TAG}
    isolation: \${ISOLATION}
networks:
  default:
    driver: \${NET_DRIVER:-nat}
`;

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'winnet-vars-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env });
  return {
    code,
    stdout,
    stderr,
    json: () => JSON.parse(stdout) as { files: { path: string; findings: { rule: string; message: string; substitutions?: unknown[] }[] }[] },
  };
}

const rulesOf = (r: ReturnType<typeof run>, path: string) =>
  r
    .json()
    .files.find((f) => f.path === path)
    ?.findings.map((f) => f.rule) ?? [];

describe('winnet check: compose variables', () => {
  it("judges the values from the project's .env, and says where each came from", () => {
    const dir = project({ 'compose.yaml': COMPOSE, '.env': 'TAG=ltsc2022\nISOLATION=hyper-v\n' });
    const r = run(['check', '.', '--format', 'json'], dir);
    const finding = r.json().files[0].findings.find((f) => f.rule === 'isolation-value')!;
    assert.match(finding.message, /`\$\{ISOLATION\}` is `hyper-v` here \(\.env line 2\)/);
    assert.deepEqual(finding.substitutions, [{ expression: '${ISOLATION}', name: 'ISOLATION', value: 'hyper-v', source: '.env line 2' }]);
    assert.equal(r.code, 1);
  });

  it('the shell wins over .env, as in compose; --no-process-env reads only the files', () => {
    const dir = project({ 'compose.yaml': COMPOSE, '.env': 'TAG=ltsc2022\nISOLATION=hyper-v\n' });
    assert.ok(!rulesOf(run(['check', '.', '--format', 'json'], dir, { ISOLATION: 'hyperv' }), 'compose.yaml').includes('isolation-value'));
    assert.ok(rulesOf(run(['check', '.', '--format', 'json', '--no-process-env'], dir, { ISOLATION: 'hyperv' }), 'compose.yaml').includes('isolation-value'));
  });

  it('--env-file replaces .env (repeatable, the later file wins); a default in the file applies when the variable is set nowhere', () => {
    const dir = project({
      'compose.yaml': COMPOSE,
      '.env': 'ISOLATION=hyper-v\n',
      'prod.env': 'ISOLATION=hyper-v\nNET_DRIVER=bridge\n',
      'fix.env': 'ISOLATION=hyperv\n',
    });
    const r = run(['check', 'compose.yaml', '--format', 'json', '--env-file', 'prod.env', '--env-file', 'fix.env'], dir);
    const rules = rulesOf(r, 'compose.yaml');
    assert.ok(!rules.includes('isolation-value'), 'fix.env wins over prod.env');
    assert.ok(rules.includes('linux-driver'), 'NET_DRIVER=bridge from prod.env');
    assert.ok(!rulesOf(run(['check', 'compose.yaml', '--format', 'json'], dir), 'compose.yaml').includes('linux-driver'), 'without it, the default `nat`');
  });

  it('a missing --env-file is an error (exit 2), as compose refuses it', () => {
    const dir = project({ 'compose.yaml': COMPOSE });
    const r = run(['check', '.', '--env-file', 'missing.env'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read env file .*missing\.env/);
  });

  it('checks the .env a project reads: compose stops on a bad line; unused variables are hints', () => {
    const dir = project({ 'compose.yaml': COMPOSE, '.env': 'TAG=ltsc2022\nISOLATION=hyperv\nBAD NAME=1\nUNUSED=2\nCOMPOSE_PROJECT_NAME=x\n' });
    const r = run(['check', '.', '--format', 'json'], dir);
    const env = r.json().files.find((f) => f.path === '.env')!;
    assert.deepEqual(
      env.findings.map((f) => f.rule),
      ['env-file', 'env-file'],
    );
    assert.match(env.findings[0].message, /key cannot contain a space/);
    assert.match(env.findings[1].message, /`UNUSED` is not used/);
    assert.equal(r.code, 1);
  });

  it('COMPOSE_FILE in .env names the set a folder runs (with `;` on Windows): its files are checked together', () => {
    const dir = project({
      'compose.yaml': 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n    networks: [app]\n',
      'compose.windows.yaml': 'networks:\n  app:\n    driver: bridge\n',
      '.env': 'COMPOSE_FILE=compose.yaml;compose.windows.yaml\n',
    });
    const r = run(['check', '.', '--format', 'json'], dir);
    // `app` is defined only in the second file: checked as one project, it is defined, and its driver is judged.
    assert.ok(!rulesOf(r, 'compose.yaml').includes('undefined-network'));
    assert.ok(rulesOf(r, 'compose.windows.yaml').includes('linux-driver'));
  });

  it('SARIF carries the substitutions and points the related location at the .env file', () => {
    const dir = project({ 'compose.yaml': COMPOSE, '.env': 'TAG=ltsc2022\nISOLATION=hyper-v\n' });
    const sarif = JSON.parse(run(['check', '.', '--format', 'sarif'], dir).stdout);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'isolation-value');
    assert.equal(result.properties.substitutions[0].value, 'hyper-v');
    const env = result.relatedLocations.find(
      (l: { physicalLocation: { artifactLocation: { uri: string } } }) => l.physicalLocation.artifactLocation.uri === '.env',
    );
    assert.equal(env.physicalLocation.region.startLine, 2);
  });
});
