/**
 * The GitHub Action (action.yml): its step's script, scripts/distribution/action-run.mjs, run as the action's
 * composite step runs it, with the inputs as INPUT_* variables and GitHub's GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, in a temporary workspace. It prints annotations, writes the SARIF file and exits as `fail-on` says. The
 * last test runs it from a fresh clone without dist/, where it builds winnet first, as on a branch ref.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { load } from 'js-yaml';
import { BAD_COMPOSE, CLEAN_COMPOSE, childEnv, distributionClone, REPO, run, tempDir, WARNING_COMPOSE } from './support';

const SCRIPT = join('scripts', 'distribution', 'action-run.mjs');

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

interface ActionYml {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; uses?: string; if?: string; run?: string; env?: Record<string, string> }[] };
}

const action = load(readFileSync(join(REPO, 'action.yml'), 'utf8')) as ActionYml;

/** The step that runs the script. */
const step = action.runs.steps.find((s) => s.run?.includes('scripts/distribution/action-run.mjs'))!;

const built = existsSync(join(REPO, 'dist', 'cli.js'));

describe('the GitHub Action', { skip: !built && 'dist/ not built (scripts/run-tests.mjs builds it; or npm run build)' }, () => {
  const work = tempDir('action');
  const workspace = join(work.path, 'workspace');
  let runs = 0;

  /** Runs the step as GitHub would: the inputs' defaults from action.yml, overridden by `inputs`. */
  function runAction(inputs: Record<string, string>, root = REPO, extraEnv: Record<string, string> = {}): ActionRun {
    const id = ++runs;
    const outputFile = join(work.path, `output-${id}`);
    const summaryFile = join(work.path, `summary-${id}`);
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const env: Record<string, string> = { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTIONS: 'true', ...extraEnv };
    // The step's environment as action.yml maps the inputs (their defaults where `inputs` has none).
    for (const [key, value] of Object.entries(step.env ?? {})) {
      const name = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1];
      if (name) env[key] = inputs[name] ?? action.inputs[name]?.default ?? '';
    }
    const ran = run(process.execPath, [join(root, SCRIPT)], { cwd: workspace, env: childEnv(env) });
    const outputs = Object.fromEntries(
      readFileSync(outputFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    return { ...ran, outputs, summary: readFileSync(summaryFile, 'utf8') };
  }

  const sarifOf = (file: string) => JSON.parse(readFileSync(join(workspace, file), 'utf8'));

  before(() => {
    mkdirSync(join(workspace, 'bad'), { recursive: true });
    mkdirSync(join(workspace, 'clean'));
    mkdirSync(join(workspace, 'warn'));
    writeFileSync(join(workspace, 'bad', 'docker-compose.yml'), BAD_COMPOSE);
    writeFileSync(join(workspace, 'clean', 'compose.yaml'), CLEAN_COMPOSE);
    writeFileSync(join(workspace, 'warn', 'compose.yaml'), WARNING_COMPOSE);
  });
  after(() => work.remove());

  it('is a composite action whose step runs the script with every input', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(step, 'a step runs scripts/distribution/action-run.mjs');
    assert.match(step.run!, /\$GITHUB_ACTION_PATH\/scripts\/distribution\/action-run\.mjs/);
    // Composite steps get no INPUT_* variables of their own: the step passes each input (the script reads `-` or `_`).
    for (const name of Object.keys(action.inputs)) {
      assert.equal(step.env?.[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`], `\${{ inputs.${name} }}`, name);
    }
    for (const [name, output] of Object.entries(action.outputs)) assert.equal(output.value, `\${{ steps.${step.id}.outputs.${name} }}`);
    assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fail-on', 'format', 'max-warnings', 'paths', 'sarif-file', 'target', 'windows-version']);
    assert.equal(action.inputs.paths.default, '.');
    assert.equal(action.inputs.format.default, 'github');
    assert.equal(action.inputs['sarif-file'].default, 'winnet.sarif');
    assert.match(action.inputs['sarif-file'].description, /github\/codeql-action\/upload-sarif/);
    // Node only where it is missing.
    const setup = action.runs.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    assert.ok(setup?.if, 'setup-node runs only when needed');
  });

  it('annotates a bad compose file, writes the SARIF file and exits 1', () => {
    const ran = runAction({ paths: 'bad' }, REPO, { WINNET_ACTION_REPOSITORY: 'octo/winnet', WINNET_ACTION_REF: 'v1' });
    assert.equal(ran.status, 1, ran.stdout + ran.stderr);
    assert.match(ran.stdout, /^::error file=bad\/docker-compose\.yml,line=4,col=\d+,endLine=4,endColumn=\d+,title=winnet network-mode-host::/m);
    assert.match(ran.stdout, /^::warning file=bad\/docker-compose\.yml,line=5,.*title=winnet extra-hosts::/m);
    const sarif = sarifOf('winnet.sarif');
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.deepEqual(results.map((r) => [r.ruleId, r.level]).sort(), [
      ['extra-hosts', 'warning'],
      ['network-mode-host', 'error'],
    ]);
    // Relative to the workspace, as code scanning wants them.
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'bad/docker-compose.yml');
    // Rule pages on GitHub at the action's ref, not files in the runner's copy of the action.
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'network-mode-host');
    assert.equal(rule.helpUri, 'https://github.com/octo/winnet/blob/v1/docs/rules/network-mode-host.md');
    assert.equal(ran.outputs['exit-code'], '1');
    assert.equal(ran.outputs['sarif-file'], join(workspace, 'winnet.sarif'));
    assert.match(ran.summary, /### winnet: 1 errors, 1 warnings/);
    assert.match(ran.summary, /`bad\/docker-compose\.yml:4`/);
  });

  it('passes a clean compose file with exit code 0 and an empty SARIF log', () => {
    const ran = runAction({ paths: 'clean', 'sarif-file': 'out/clean.sarif' });
    assert.equal(ran.status, 0, ran.stdout + ran.stderr);
    assert.doesNotMatch(ran.stdout, /^::(error|warning)/m);
    assert.deepEqual(sarifOf('out/clean.sarif').runs[0].results, []);
    assert.equal(ran.outputs['exit-code'], '0');
    assert.match(ran.summary, /no problems/);
  });

  it('checks several paths and globs, separated by spaces or lines', () => {
    const ran = runAction({ paths: 'clean\n  bad/*.yml warn', 'sarif-file': 'several.sarif' });
    assert.equal(ran.status, 1, ran.stdout + ran.stderr);
    const uris = new Set(
      sarifOf('several.sarif').runs[0].results.map(
        (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri,
      ),
    );
    assert.deepEqual([...uris].sort(), ['bad/docker-compose.yml', 'warn/compose.yaml']);
  });

  it('fail-on: warning fails on a warning, the default does not, max-warnings sets the limit', () => {
    assert.equal(runAction({ paths: 'warn' }).status, 0);
    const strict = runAction({ paths: 'warn', 'fail-on': 'warning' });
    assert.equal(strict.status, 1, strict.stdout + strict.stderr);
    assert.match(strict.stdout, /^::warning file=warn\/compose\.yaml/m);
    assert.equal(runAction({ paths: 'warn', 'fail-on': 'warning', 'max-warnings': '1' }).status, 0);
    assert.equal(runAction({ paths: 'warn', 'max-warnings': '0' }).status, 1);
  });

  it('fail-on: never reports but passes; an unreadable path still fails', () => {
    const ran = runAction({ paths: 'bad', 'fail-on': 'never' });
    assert.equal(ran.status, 0, ran.stdout + ran.stderr);
    assert.match(ran.stdout, /^::error file=bad\/docker-compose\.yml/m);
    assert.equal(ran.outputs['exit-code'], '1');
    assert.equal(runAction({ paths: 'no-such-folder', 'fail-on': 'never' }).status, 2);
  });

  it('writes no SARIF file when sarif-file is empty', () => {
    const ran = runAction({ paths: 'bad', 'sarif-file': '', format: 'stylish' });
    assert.equal(ran.status, 1);
    assert.match(ran.stdout, /network-mode-host/);
    assert.doesNotMatch(ran.stdout, /^::error/m);
    assert.equal(ran.outputs['sarif-file'], undefined);
    // The summary still lists the findings.
    assert.match(ran.summary, /network-mode-host/);
  });

  it('passes target and windows-version on, and refuses bad inputs with exit code 2', () => {
    // The warning-only file as Linux: no Windows findings.
    assert.equal(runAction({ paths: 'warn', target: 'linux', 'fail-on': 'warning' }).status, 0);
    const badVersion = runAction({ paths: 'warn', 'windows-version': 'ltsc2030' });
    assert.equal(badVersion.status, 2);
    for (const inputs of [{ format: 'xml' }, { 'fail-on': 'sometimes' }, { 'max-warnings': 'many' }] as Record<string, string>[]) {
      const ran = runAction({ paths: 'clean', ...inputs });
      assert.equal(ran.status, 2, JSON.stringify(inputs));
      assert.match(ran.stdout, /^::error title=winnet action::/m);
    }
  });

  it('reads inputs under the names GitHub gives a JavaScript action too (INPUT_FAIL-ON, `-` kept)', () => {
    const env = childEnv({ INPUT_PATHS: 'warn', 'INPUT_FAIL-ON': 'warning', 'INPUT_SARIF-FILE': '' });
    const ran = run(process.execPath, [join(REPO, SCRIPT)], { cwd: workspace, env });
    assert.equal(ran.status, 1, ran.stdout + ran.stderr);
    assert.match(ran.stdout, /^::warning file=warn\/compose\.yaml/m);
  });

  it('builds winnet first in a checkout without dist/, as on a branch ref', { timeout: 600_000 }, () => {
    const clone = distributionClone(join(work.path, 'action-checkout'));
    assert.ok(!existsSync(join(clone, 'dist')));
    const ran = runAction({ paths: 'bad' }, clone);
    assert.equal(ran.status, 1, ran.stdout.slice(-4000) + ran.stderr.slice(-4000));
    assert.match(ran.stdout, /::group::Building winnet/);
    assert.match(ran.stdout, /^::error file=bad\/docker-compose\.yml,line=4,.*network-mode-host/m);
    assert.ok(existsSync(join(clone, 'dist', 'cli.js')));
  });
});
