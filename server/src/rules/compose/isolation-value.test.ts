/** `isolation-value`: Invalid `isolation` value. Its cases, near misses and fixes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WIN, check, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: '`hyper-v`: the value, suggesting `hyperv`',
    rule: 'isolation-value',
    yaml: `${WIN}    isolation: hyper-v\n`,
    expect: [
      {
        rule: 'isolation-value',
        severity: 'error',
        range: '3:15-3:22',
        message: ['`isolation: hyper-v`', '`default`, `process` or `hyperv`', 'Did you mean `hyperv`?'],
      },
    ],
  },
  {
    name: 'a value with no close match: no suggestion',
    rule: 'isolation-value',
    yaml: `services:\n  web:\n    isolation: "vm"\n`,
    expect: [{ rule: 'isolation-value', severity: 'error', range: '2:15-2:19', message: [/^(?!.*Did you mean)/] }],
  },
  {
    name: 'near misses: the valid values, compared case-insensitively (`HyperV`, `Process`, `DEFAULT`)',
    rule: 'isolation-value',
    yaml: `${WIN}    isolation: HyperV\n  b:\n    isolation: Process\n  c:\n    isolation: DEFAULT\n  d:\n    isolation: hyperv\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: '`hyper-v` becomes `hyperv`',
    rule: 'isolation-value',
    preferred: true,
    yaml: `${WIN}    isolation: "hyper-v"  # Windows 11\n`,
    expected: `${WIN}    isolation: "hyperv"  # Windows 11\n`,
  },
];

describeRule('isolation-value', cases, fixes);

describe('isolation-value: more', () => {
  it('no suggestion, no fix for an isolation value far from every valid one', () => {
    const [finding] = check(`${WIN}    isolation: vm\n`).filter((f) => f.rule === 'isolation-value');
    assert.deepEqual(finding.fixes, []);
  });
});
