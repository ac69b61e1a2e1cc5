import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ALL_RULE_META } from '../../server/src/rules/registry';
import { cli, REPO } from './helpers';

const MULTITOOL = join(REPO, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'bin.js');

describe('winnet check --format sarif', () => {
  const out = cli(['check', 'examples', '--format', 'sarif']);
  const log = JSON.parse(out.stdout);

  it('is SARIF 2.1.0 with every rule, its help and a link to its page', () => {
    assert.equal(log.version, '2.1.0');
    const rules = log.runs[0].tool.driver.rules;
    assert.deepEqual(
      rules.map((r: { id: string }) => r.id),
      ALL_RULE_META.map((m) => m.id),
    );
    for (const rule of rules) {
      assert.match(rule.helpUri, new RegExp(`^file://.*/docs/rules/${rule.id}\\.md$`));
      assert.ok(rule.help.markdown.includes('## Sources'));
    }
  });

  it('points results at 1-based UTF-16 regions relative to %SRCROOT%, with fixes', () => {
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const hostIp = run.results.find(
      (r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.ruleId === 'port-host-ip' && r.locations[0].physicalLocation.artifactLocation.uri === 'examples/iis-sql/docker-compose.yml',
    );
    assert.deepEqual(hostIp.locations[0].physicalLocation.region, { startLine: 8, startColumn: 10, endLine: 8, endColumn: 19 });
    assert.equal(hostIp.level, 'error');
    assert.equal(hostIp.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '');
  });

  it("passes Microsoft's SARIF multitool validation with no errors", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'winnet-sarif-')), 'winnet.sarif');
    writeFileSync(file, out.stdout);
    const result = spawnSync(process.execPath, [MULTITOOL, 'validate', file, '--output', `${file}.validation.sarif`, '--log', 'ForceOverwrite'], {
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const validation = JSON.parse(readFileSync(`${file}.validation.sarif`, 'utf8'));
    // Errors fail the test; warnings too, so the log stays clean for SARIF consumers.
    const problems = validation.runs[0].results.filter((r: { level?: string }) => r.level === 'error' || r.level === 'warning' || r.level === undefined);
    assert.deepEqual(
      problems.map((e: { ruleId: string; message: { arguments?: string[] } }) => `${e.ruleId} ${JSON.stringify(e.message.arguments)}`),
      [],
    );
  });
});
