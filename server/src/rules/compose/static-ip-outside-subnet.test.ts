/** `static-ip-outside-subnet`: Static IPv4 address outside the network's subnets. Its cases, near misses and fixes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WIN, check, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

/** Service `web` with `ipv4_address` (line 5, value from column 22) on network `name`, defined by `definition`. */
const staticIp = (address: string, name: string, definition: string) =>
  `${WIN}    networks:\n      ${name}:\n        ipv4_address: ${address}\n${definition ? `networks:\n  ${name}:\n${definition}` : ''}`;

const cases: RuleCase[] = [
  {
    name: 'an address outside the only subnet: the address',
    rule: 'static-ip-outside-subnet',
    yaml: staticIp('10.20.0.5', 'lan', '    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n'),
    expect: [
      {
        rule: 'static-ip-outside-subnet',
        severity: 'error',
        range: '5:22-5:31',
        message: ['`10.20.0.5`', '`lan`', '10.10.0.0/24', 'no configured subnet contains IP address'],
      },
    ],
  },
  {
    name: 'on an external network compose does not read `ipam`: the written subnets are compared, as a warning',
    rule: 'static-ip-outside-subnet',
    yaml: staticIp('10.20.0.5', 'lan', '    external: true\n    name: corp-lan\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n'),
    expect: [{ rule: 'static-ip-outside-subnet', severity: 'warning', range: '5:22-5:31', message: ['external network `lan`', 'compose does not read them'] }],
  },
  {
    name: 'not an IPv4 address at all',
    rule: 'static-ip-outside-subnet',
    yaml: staticIp('10.10.0', 'lan', '    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n'),
    expect: [{ rule: 'static-ip-outside-subnet', severity: 'error', range: '5:22-5:29', message: ['not an IPv4 address'] }],
  },
  {
    name: 'an address Go does not parse (a leading zero, a short form): not an IPv4 address, as the daemon reads it',
    rule: 'static-ip-outside-subnet',
    yaml: staticIp('010.10.0.5', 'lan', '    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n'),
    expect: [{ rule: 'static-ip-outside-subnet', severity: 'error', range: '5:22-5:32', message: ['`010.10.0.5` is not an IPv4 address'] }],
  },
  {
    name: 'near misses: inside the second of two subnets; no subnet at all (the other rule)',
    rule: 'static-ip-outside-subnet',
    yaml: `${WIN}    networks:\n      lan:\n        ipv4_address: 10.20.0.5\n      app:\n        ipv4_address: 172.16.0.10\nnetworks:\n  lan:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n        - subnet: 10.20.0.0/24\n  app:\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('static-ip-outside-subnet', cases, fixes);

describe('static-ip-outside-subnet: more', () => {
  it('the outside-subnet finding points at each subnet it was checked against', () => {
    const [finding] = check(staticIp('10.20.0.5', 'lan', '    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n')).filter(
      (f) => f.rule === 'static-ip-outside-subnet',
    );
    assert.deepEqual(
      finding.related.filter((r) => r.message.startsWith('subnet')).map((r) => [r.message, r.range && `${r.range.start.line}:${r.range.start.character}`]),
      [['subnet 10.10.0.0/24', '10:18']],
    );
  });
});
