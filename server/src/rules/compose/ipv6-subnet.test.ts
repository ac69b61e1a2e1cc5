/** `ipv6-subnet`: IPv6 subnet or gateway on a Windows network without `enable_ipv6`. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  {
    name: 'IPv6 subnet and gateway without `enable_ipv6`: ignored, a warning on each value (moby daemon/network.go validateIpamConfig, libnetwork ipamAllocate)',
    rule: 'ipv6-subnet',
    yaml: net('  app:\n    ipam:\n      config:\n        - subnet: fd00:10::/64\n          gateway: fd00:10::1\n'),
    expect: [
      { rule: 'ipv6-subnet', severity: 'warning', range: '7:18-7:30', message: ['IPv6 subnet `fd00:10::/64`', 'without `enable_ipv6`', 'IPv4-only'] },
      { rule: 'ipv6-subnet', severity: 'warning', range: '8:19-8:29', message: ['IPv6 gateway `fd00:10::1`'] },
    ],
  },
  {
    name: 'the same on overlay: never allocated without `enable_ipv6`',
    rule: 'ipv6-subnet',
    yaml: net('  app:\n    driver: overlay\n    ipam:\n      config:\n        - subnet: fd00:10::/64\n'),
    expect: [{ rule: 'ipv6-subnet', severity: 'warning', range: '8:18-8:30' }],
  },
  {
    name: 'IPv6 switched on by the driver option instead of the key: enable-ipv6 reports it once, this rule stays silent; a false option does not enable it',
    rule: ['ipv6-subnet', 'enable-ipv6'],
    yaml: net(
      '  on:\n    driver_opts:\n      com.docker.network.enable_ipv6: "true"\n    ipam:\n      config:\n        - subnet: fd00:10::/64\n  off:\n    driver_opts:\n      com.docker.network.enable_ipv6: "false"\n    ipam:\n      config:\n        - subnet: fd00:20::/64\n',
    ),
    expect: [
      { rule: 'enable-ipv6', severity: 'error', range: '6:6-6:44' },
      { rule: 'ipv6-subnet', severity: 'warning', range: '15:18-15:30', message: ['IPv6 subnet `fd00:20::/64`'] },
    ],
  },
  {
    name: 'near misses: IPv4 subnet and gateway; with `enable_ipv6: true` (enable-ipv6 reports the failure, once); an external network',
    rule: ['ipv6-subnet', 'enable-ipv6'],
    yaml: net(
      '  app:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n          gateway: 10.10.0.1\n  v6:\n    enable_ipv6: true\n    ipam:\n      config:\n        - subnet: fd00:10::/64\n  ext:\n    external: true\n    ipam:\n      config:\n        - subnet: fd00:20::/64\n',
    ),
    expect: [{ rule: 'enable-ipv6', severity: 'error', range: '10:4-10:21' }],
  },
];

const fixes: FixCase[] = [];

describeRule('ipv6-subnet', cases, fixes);
