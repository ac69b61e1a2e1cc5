/** `extra-hosts`: `extra_hosts` is not written into Windows containers. Its cases, near misses and fixes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WIN, check, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: '`extra_hosts` as a list: the key',
    rule: 'extra-hosts',
    yaml: `${WIN}    extra_hosts:\n      - "db.local:10.0.0.5"\n`,
    expect: [{ rule: 'extra-hosts', severity: 'warning', range: '3:4-3:15', message: ['`extra_hosts` is ignored', '`web`', 'hosts file', 'DNS'] }],
  },
  {
    name: '`extra_hosts` as a mapping',
    rule: 'extra-hosts',
    yaml: `${WIN}    extra_hosts:\n      db.local: 10.0.0.5\n`,
    expect: [{ rule: 'extra-hosts', severity: 'warning', range: '3:4-3:15' }],
  },
  {
    name: 'near miss: `hostname` and `domainname`',
    rule: 'extra-hosts',
    yaml: `${WIN}    hostname: web\n    domainname: corp.example\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes `extra_hosts` (offered, not preferred)',
    rule: 'extra-hosts',
    preferred: false,
    yaml: `${WIN}    extra_hosts:\n      - "db.local:10.0.0.5"\n`,
    expected: WIN,
  },
];

describeRule('extra-hosts', cases, fixes);

describe('extra-hosts: more', () => {
  it('no removal of a key whose value declares an anchor another key still uses', () => {
    const text = `${WIN}    extra_hosts: &hosts\n      db: 10.0.0.2\n    dns_opt: &opts [ndots:2]\nx-reuse:\n  hosts: *hosts\n  opts: *opts\n`;
    const findings = check(text).filter((f) => f.rule === 'extra-hosts' || f.rule === 'dns-opt');
    assert.deepEqual(
      findings.map((f) => [f.rule, f.fixes.length]),
      [
        ['extra-hosts', 0],
        ['dns-opt', 0],
      ],
    );
  });
});
