/** `ipam-options`: `ipam.options` has no effect on Windows. Its cases, near misses and fixes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WIN, check, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  {
    name: '`ipam.options`: the key',
    rule: 'ipam-options',
    yaml: net('  app:\n    ipam:\n      options:\n        foo: bar\n'),
    expect: [{ rule: 'ipam-options', severity: 'warning', range: '6:6-6:13', message: ['`ipam.options` has no effect on Windows', '`app`'] }],
  },
  {
    name: 'near miss: driver options are not IPAM options',
    rule: 'ipam-options',
    yaml: net('  app:\n    driver_opts:\n      foo: bar\n    ipam:\n      config:\n        - subnet: 10.1.0.0/24\n'),
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes `ipam.options` with its entries',
    rule: 'ipam-options',
    preferred: true,
    yaml: net('  app:\n    ipam:\n      options:\n        foo: bar\n      config:\n        - subnet: 10.1.0.0/24\n'),
    expected: net('  app:\n    ipam:\n      config:\n        - subnet: 10.1.0.0/24\n'),
  },
];

describeRule('ipam-options', cases, fixes);

describe('ipam-options: more', () => {
  it('no removal of a pair that declares an anchor (its aliases would dangle)', () => {
    const text = net('  lan:\n    ipam:\n      options: &opts\n        foo: bar\n  other:\n    ipam:\n      options: *opts\n');
    const findings = check(text).filter((f) => f.rule === 'ipam-options');
    assert.equal(findings.length, 2);
    assert.deepEqual(findings[0].fixes, []);
    assert.equal(findings[1].fixes.length, 1, 'the alias itself can go');
  });
});
