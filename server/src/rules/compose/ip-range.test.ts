/** `ip-range`: `ip_range` on a Windows network. Its cases, near misses and fixes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WIN, check, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  {
    name: '`ip_range` on the default nat driver: key and value',
    rule: 'ip-range',
    yaml: net('  app:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/16\n          ip_range: 10.10.5.0/24\n'),
    expect: [
      { rule: 'ip-range', severity: 'error', range: '8:10-8:32', message: ['`ip_range`', "this request is not supported by the 'windows' ipam driver"] },
    ],
  },
  {
    name: '`ip_range` on transparent, in a flow mapping',
    rule: 'ip-range',
    yaml: net('  lan:\n    driver: transparent\n    ipam:\n      config: [{subnet: 10.10.0.0/24, ip_range: 10.10.0.128/25}]\n'),
    expect: [{ rule: 'ip-range', severity: 'error', range: '7:38-7:62' }],
  },
  {
    name: 'near misses: `ip_range` on overlay (default IPAM), a subnet alone',
    rule: 'ip-range',
    yaml: net(
      '  swarm:\n    driver: overlay\n    ipam:\n      config:\n        - subnet: 10.0.9.0/24\n          ip_range: 10.0.9.128/25\n  app:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/16\n',
    ),
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes the `ip_range` line',
    rule: 'ip-range',
    preferred: true,
    yaml: net('  app:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/16   # the LAN\n          ip_range: 10.10.5.0/24\n          gateway: 10.10.0.1\n'),
    expected: net('  app:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/16   # the LAN\n          gateway: 10.10.0.1\n'),
  },
];

describeRule('ip-range', cases, fixes);

describe('ip-range: more', () => {
  it('no removal when the pair is the first key of a list entry (the entry would lose its `-`)', () => {
    const [finding] = check(net('  app:\n    ipam:\n      config:\n        - ip_range: 10.10.5.0/24\n          subnet: 10.10.0.0/16\n')).filter(
      (f) => f.rule === 'ip-range',
    );
    assert.equal(finding.range.start.line, 7);
    assert.deepEqual(finding.fixes, []);
  });
});
