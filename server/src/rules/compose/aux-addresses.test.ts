/** `aux-addresses`: `aux_addresses` has no effect on Windows. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  {
    name: '`aux_addresses`: the key (its value is a mapping)',
    rule: 'aux-addresses',
    yaml: net('  lan:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n          aux_addresses:\n            router: 10.10.0.2\n'),
    expect: [
      { rule: 'aux-addresses', severity: 'warning', range: '8:10-8:23', message: ['`aux_addresses` has no effect on Windows', '`lan`', 'does not reserve'] },
    ],
  },
  {
    name: 'near misses: an IPAM config without `aux_addresses`; `aux_addresses` on overlay (default IPAM reserves them)',
    rule: 'aux-addresses',
    yaml: net(
      '  lan:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n          gateway: 10.10.0.1\n  swarm:\n    driver: overlay\n    ipam:\n      config:\n        - subnet: 10.0.9.0/24\n          aux_addresses:\n            lb: 10.0.9.2\n',
    ),
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes `aux_addresses` with its nested lines',
    rule: 'aux-addresses',
    preferred: true,
    yaml: net(
      '  lan:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n          aux_addresses:\n            router: 10.10.0.2\n            printer: 10.10.0.3\n          gateway: 10.10.0.1\n',
    ),
    expected: net('  lan:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n          gateway: 10.10.0.1\n'),
  },
];

describeRule('aux-addresses', cases, fixes);
