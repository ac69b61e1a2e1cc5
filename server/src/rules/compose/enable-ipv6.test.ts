/** `enable-ipv6`: `enable_ipv6` on Windows. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  {
    name: '`enable_ipv6: true`: key and value',
    rule: 'enable-ipv6',
    yaml: net('  app:\n    enable_ipv6: true\n'),
    expect: [{ rule: 'enable-ipv6', severity: 'error', range: '5:4-5:21', message: ['`enable_ipv6`', '`windows` IPAM driver refuses IPv6 pools', 'Linux'] }],
  },
  {
    name: 'the string form compose also reads',
    rule: 'enable-ipv6',
    yaml: net('  app:\n    enable_ipv6: "true"\n'),
    expect: [{ rule: 'enable-ipv6', severity: 'error', range: '5:4-5:23' }],
  },
  {
    name: 'on overlay the network is created and Windows tasks get no IPv6: a warning (moby network_windows.go defaultIpamForNetworkType, ov_network_windows.go)',
    rule: 'enable-ipv6',
    yaml: net('  app:\n    driver: overlay\n    enable_ipv6: true\n'),
    expect: [
      {
        rule: 'enable-ipv6',
        severity: 'warning',
        range: '6:4-6:21',
        message: ['overlay network `app`', 'Windows tasks get an IPv4 address only', 'Linux tasks get IPv6'],
      },
    ],
  },
  {
    name: 'on a swarm stack network without a driver (overlay): a warning',
    rule: 'enable-ipv6',
    path: 'docker-stack.yml',
    yaml: net('  app:\n    enable_ipv6: true\n'),
    expect: [{ rule: 'enable-ipv6', severity: 'warning', range: '5:4-5:21' }],
  },
  {
    name: 'a driver set by a variable may be overlay: a warning that names both outcomes',
    rule: 'enable-ipv6',
    yaml: net('  app:\n    driver: ${NET_DRIVER}\n    enable_ipv6: true\n'),
    expect: [{ rule: 'enable-ipv6', severity: 'warning', range: '6:4-6:21', message: ['set by a variable', 'refuses IPv6 pools', 'on `overlay`'] }],
  },
  {
    name: 'near misses: `enable_ipv6: false`, no key, and an external network (compose does not create it)',
    rule: 'enable-ipv6',
    yaml: net('  app:\n    enable_ipv6: false\n  other:\n    driver: nat\n  ext:\n    external: true\n    enable_ipv6: true\n'),
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes the `enable_ipv6` line, keeping the comments around it',
    rule: 'enable-ipv6',
    preferred: true,
    yaml: net('  app:\n    # IPv6 for the app\n    driver: nat\n    enable_ipv6: true\n    attachable: true # swarm\n'),
    expected: net('  app:\n    # IPv6 for the app\n    driver: nat\n    attachable: true # swarm\n'),
  },
  {
    name: 'removes the last line of a CRLF file',
    rule: 'enable-ipv6',
    yaml: net('  app:\n    driver: nat\n    enable_ipv6: true\n').replace(/\n/g, '\r\n'),
    expected: net('  app:\n    driver: nat\n').replace(/\n/g, '\r\n'),
  },
];

describeRule('enable-ipv6', cases, fixes);
