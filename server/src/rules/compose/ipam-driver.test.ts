/** `ipam-driver`: IPAM driver a Windows daemon does not have. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  {
    name: 'an IPAM driver Windows does not have: the value',
    rule: 'ipam-driver',
    yaml: net('  app:\n    ipam:\n      driver: dhcp\n'),
    expect: [{ rule: 'ipam-driver', severity: 'warning', range: '6:14-6:18', message: ['`dhcp`', '`default`', '`windows`', '`null`', 'plugin'] }],
  },
  {
    name: 'near misses: the built-in `default`, `windows` and `null`; any driver on overlay',
    rule: 'ipam-driver',
    yaml: net(
      '  a:\n    ipam:\n      driver: default\n  b:\n    ipam:\n      driver: windows\n  c:\n    ipam:\n      driver: "null"\n  d:\n    driver: overlay\n    ipam:\n      driver: custom\n',
    ),
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'replaces the IPAM driver with `default`',
    rule: 'ipam-driver',
    preferred: true,
    yaml: net('  app:\n    ipam:\n      driver: "dhcp" # from the Linux file\n'),
    expected: net('  app:\n    ipam:\n      driver: "default" # from the Linux file\n'),
  },
];

describeRule('ipam-driver', cases, fixes);
