/**
 * IPv6 through Docker on Windows (shared/windows-networking.md §3.2, §4, §7 #5–7): the `windows` IPAM driver
 * refuses IPv6 pools and the driver refuses v6 subnets, so `enable_ipv6`, `ipv6_address` and IPv6 subnets fail;
 * IPv4 cannot be disabled.
 */
import { describeTheme, WIN, yaml, type FixCase, type RuleCase } from './test-helpers';

const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  // enable-ipv6
  {
    name: '`enable_ipv6: true`: key and value',
    rule: 'enable-ipv6',
    yaml: net('  app:\n    enable_ipv6: true\n'),
    expect: [{ rule: 'enable-ipv6', severity: 'error', range: '5:4-5:21', message: ['`enable_ipv6`', "`windows` IPAM driver refuses IPv6 pools", 'Linux'] }],
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
    expect: [{ rule: 'enable-ipv6', severity: 'warning', range: '6:4-6:21', message: ['overlay network `app`', 'Windows tasks get an IPv4 address only', 'Linux tasks get IPv6'] }],
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
  // ipv6-address
  {
    name: '`ipv6_address` on a service network: key and value',
    rule: 'ipv6-address',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks:
            app:
              ipv6_address: fd00::10
      networks:
        app:
    `,
    expect: [{ rule: 'ipv6-address', severity: 'error', range: '5:8-5:30', message: ['`ipv6_address`', '`web`', 'no configured subnet contains IP address'] }],
  },
  {
    name: 'near misses: an IPv4 address, an empty `ipv6_address:`',
    rule: 'ipv6-address',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks:
            app:
              ipv4_address: 172.30.0.10
              ipv6_address:
      networks:
        app:
          ipam:
            config:
              - subnet: 172.30.0.0/24
    `,
    expect: [],
  },
  // ipv6-subnet
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
    name: 'near misses: IPv4 subnet and gateway; with `enable_ipv6: true` (enable-ipv6 reports the failure, once); an external network',
    rule: ['ipv6-subnet', 'enable-ipv6'],
    yaml: net('  app:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n          gateway: 10.10.0.1\n  v6:\n    enable_ipv6: true\n    ipam:\n      config:\n        - subnet: fd00:10::/64\n  ext:\n    external: true\n    ipam:\n      config:\n        - subnet: fd00:20::/64\n'),
    expect: [{ rule: 'enable-ipv6', severity: 'error', range: '10:4-10:21' }],
  },
  // disable-ipv4
  {
    name: '`enable_ipv4: false`: key and value',
    rule: 'disable-ipv4',
    yaml: net('  app:\n    enable_ipv4: false\n'),
    expect: [{ rule: 'disable-ipv4', severity: 'error', range: '5:4-5:22', message: ['`enable_ipv4: false`', 'IPv4 cannot be disabled on Windows', 'Remove it'] }],
  },
  {
    name: 'near miss: `enable_ipv4: true`',
    rule: 'disable-ipv4',
    yaml: net('  app:\n    enable_ipv4: true\n'),
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
  {
    name: 'removes the `ipv6_address` line',
    rule: 'ipv6-address',
    preferred: true,
    yaml: `${WIN}    networks:\n      app:\n        ipv4_address: 172.30.0.10\n        ipv6_address: fd00::10\nnetworks:\n  app:\n    ipam:\n      config:\n        - subnet: 172.30.0.0/24\n`,
    expected: `${WIN}    networks:\n      app:\n        ipv4_address: 172.30.0.10\nnetworks:\n  app:\n    ipam:\n      config:\n        - subnet: 172.30.0.0/24\n`,
  },
  {
    name: 'removes the `enable_ipv4: false` line',
    rule: 'disable-ipv4',
    preferred: true,
    yaml: net('  app:\n    enable_ipv4: false\n    driver: nat\n'),
    expected: net('  app:\n    driver: nat\n'),
  },
];

describeTheme('ipv6', cases, fixes);
