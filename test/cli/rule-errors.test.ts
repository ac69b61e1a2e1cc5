/**
 * A rule that throws inside its own check: the engine isolates it and still returns the other rules' findings;
 * the CLI says which rule failed on which file (`winnet: internal error in rule <id> while checking <file>:
 * <message>`, once per rule and file), prints the other findings as usual, and exits 2, because the check was
 * not complete: never 0 (a clean bill the check could not give) and never 1 (findings).
 * The failing rule is injected into the registry for the length of one test, as the regression tests do.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../server/src/rules/registry';
import type { DocumentKind } from '../../server/src/documents/kind';
import type { Rule } from '../../server/src/rules/types';
import { cli } from './helpers';

const WIN = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';
const ID = 'test-throwing-rule';

function throwingRule(kinds: DocumentKind[], thrown: unknown = new Error('boom')): Rule {
  return {
    meta: { id: ID, title: 'throws', kinds, target: 'any', defaultSeverity: 'error' },
    check() {
      throw thrown;
    },
  } as unknown as Rule;
}

/** Runs `body` in a scratch folder holding `files`, with `rule` registered. */
function withRule(rule: Rule, files: Record<string, string>, body: (dir: string) => void): void {
  const registry = ALL_RULES as Rule[];
  const dir = mkdtempSync(join(tmpdir(), 'winnet-rule-error-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    registry.push(rule);
    body(dir);
  } finally {
    registry.splice(registry.indexOf(rule), 1);
    rmSync(dir, { recursive: true, force: true });
  }
}

const messages = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('winnet: internal error in rule '));

const BRIDGE = `services:\n  web:\n    image: ${WIN}\n    network_mode: bridge\n`;
const CLEAN = `services:\n  web:\n    image: ${WIN}\n`;
const HNS = '{"Name": "nat", "Type": "NAT"}';

describe('winnet check: a rule that throws', () => {
  it('is named with the file on stderr; the other findings are still printed; exit 2, not 1', () => {
    withRule(throwingRule(['compose']), { 'compose.yaml': BRIDGE }, (dir) => {
      const run = cli(['check', 'compose.yaml'], dir);
      assert.equal(run.code, 2);
      assert.deepEqual(messages(run.stderr), [`winnet: internal error in rule ${ID} while checking compose.yaml: boom`]);
      assert.match(run.stdout, /network-mode-bridge/);
    });
  });

  it('exits 2, not 0, on a file that has no other finding', () => {
    withRule(throwingRule(['compose']), { 'compose.yaml': CLEAN }, (dir) => {
      const run = cli(['check', 'compose.yaml'], dir);
      assert.equal(run.code, 2);
      assert.deepEqual(messages(run.stderr), [`winnet: internal error in rule ${ID} while checking compose.yaml: boom`]);
    });
  });

  it('the stack frames follow the message, for the bug report', () => {
    withRule(throwingRule(['compose']), { 'compose.yaml': CLEAN }, (dir) => {
      const lines = cli(['check', 'compose.yaml'], dir).stderr.split('\n');
      assert.match(lines[1], /^\s+at /);
    });
  });

  it('is reported for each file it failed on and only those; --format json stays one JSON object with the other findings', () => {
    withRule(throwingRule(['hns-v1']), { 'compose.yaml': BRIDGE, 'hns.json': HNS }, (dir) => {
      const run = cli(['check', '.', '--format', 'json'], dir);
      assert.equal(run.code, 2);
      assert.deepEqual(messages(run.stderr), [`winnet: internal error in rule ${ID} while checking hns.json: boom`]);
      const files = (JSON.parse(run.stdout) as { files: { path: string; findings: { rule: string }[]; ruleErrors?: unknown }[] }).files;
      assert.deepEqual(
        files.map((f) => [f.path, f.findings.map((x) => x.rule)]),
        [
          ['compose.yaml', ['network-mode-bridge']],
          ['hns.json', []],
        ],
      );
      // The report says so too, on the file it failed on (CI often keeps the report, not stderr).
      assert.deepEqual(
        files.map((f) => f.ruleErrors),
        [undefined, [{ rule: ID, message: 'boom' }]],
      );
    });
  });

  it('--format sarif: the invocation did not succeed, and a notification names the rule and the file', () => {
    withRule(throwingRule(['compose']), { 'compose.yaml': BRIDGE }, (dir) => {
      const run = cli(['check', 'compose.yaml', '--format', 'sarif'], dir);
      assert.equal(run.code, 2);
      const invocation = JSON.parse(run.stdout).runs[0].invocations[0];
      assert.equal(invocation.executionSuccessful, false);
      assert.deepEqual(invocation.toolExecutionNotifications, [
        { level: 'error', message: { text: `compose.yaml: rule ${ID} failed (boom); its findings for this file may be missing` }, associatedRule: { id: ID } },
      ]);
      assert.equal(JSON.parse(run.stdout).runs[0].results[0].ruleId, 'network-mode-bridge');
    });
  });

  it('once per rule and file, however many files it fails on', () => {
    withRule(throwingRule(['compose', 'hns-v1']), { 'compose.yaml': BRIDGE, 'hns.json': HNS }, (dir) => {
      const run = cli(['check', '.'], dir);
      assert.equal(run.code, 2);
      assert.deepEqual(messages(run.stderr).sort(), [
        `winnet: internal error in rule ${ID} while checking compose.yaml: boom`,
        `winnet: internal error in rule ${ID} while checking hns.json: boom`,
      ]);
    });
  });

  it('once per rule and file with --fix, which checks the file again after fixing; the fixes are still written', () => {
    const text = `services:\n  web:\n    image: ${WIN}\n    ports: ["127.0.0.1:80:80"]\n`;
    withRule(throwingRule(['compose']), { 'compose.yaml': text }, (dir) => {
      const run = cli(['check', 'compose.yaml', '--fix'], dir);
      assert.equal(run.code, 2);
      assert.deepEqual(messages(run.stderr), [`winnet: internal error in rule ${ID} while checking compose.yaml: boom`]);
      assert.doesNotMatch(readFileSync(join(dir, 'compose.yaml'), 'utf8'), /127\.0\.0\.1/);
    });
  });

  it('in a compose file set, names the files of the set', () => {
    withRule(throwingRule(['compose']), { 'base.yml': CLEAN, 'windows.yml': 'services:\n  web:\n    network_mode: bridge\n' }, (dir) => {
      const run = cli(['check', '-f', 'base.yml', '-f', 'windows.yml'], dir);
      assert.equal(run.code, 2);
      assert.deepEqual(messages(run.stderr), [`winnet: internal error in rule ${ID} while checking base.yml, windows.yml: boom`]);
      assert.match(run.stdout, /network-mode-bridge/);
    });
  });

  it('something thrown that is not an Error is reported as text', () => {
    withRule(throwingRule(['compose'], 'not an Error'), { 'compose.yaml': CLEAN }, (dir) => {
      const run = cli(['check', 'compose.yaml'], dir);
      assert.equal(run.code, 2);
      assert.deepEqual(run.stderr, `winnet: internal error in rule ${ID} while checking compose.yaml: not an Error\n`);
    });
  });

  it('a rule that does not apply to the file is not run and cannot fail: exit 0', () => {
    withRule(throwingRule(['hns-v1']), { 'compose.yaml': CLEAN }, (dir) => {
      const run = cli(['check', 'compose.yaml'], dir);
      assert.deepEqual([run.code, run.stderr], [0, '']);
    });
  });
});
