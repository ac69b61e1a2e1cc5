import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseRuleIndex } from './rule-index';

describe('the rules index', () => {
  it('lists every rule of docs/rules/README.md with its severity and title', () => {
    const index = readFileSync(join(__dirname, '..', '..', 'docs', 'rules', 'README.md'), 'utf8');
    const rules = parseRuleIndex(index);
    const rows = index.match(/^\| \[/gm) ?? [];
    assert.equal(rules.length, rows.length);
    assert.ok(rules.length > 50);
    assert.deepEqual(
      rules.find((r) => r.id === 'port-host-ip'),
      { id: 'port-host-ip', severity: 'error', title: 'Published port bound to a host IP on Windows' },
    );
    assert.deepEqual(
      rules.find((r) => r.id === 'network-mode-host'),
      { id: 'network-mode-host', severity: 'error', title: 'network_mode: host on Windows' },
    );
  });
});
