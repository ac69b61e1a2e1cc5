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
    name: 'the driver option `com.docker.network.enable_ipv6: "true"` (moby daemon/network.go reads it when the key is absent): key and value, the same error',
    rule: 'enable-ipv6',
    yaml: net('  app:\n    driver: nat\n    driver_opts:\n      com.docker.network.enable_ipv6: "true"\n'),
    expect: [
      {
        rule: 'enable-ipv6',
        severity: 'error',
        range: '7:6-7:44',
        message: ['`com.docker.network.enable_ipv6`', 'read as `enable_ipv6`', '`windows` IPAM driver refuses IPv6 pools'],
      },
    ],
  },
  {
    name: 'the driver option in the other forms strconv.ParseBool accepts (`1`, `T`), on overlay (a warning) and on a variable driver',
    rule: 'enable-ipv6',
    yaml: net(
      '  a:\n    driver_opts:\n      com.docker.network.enable_ipv6: 1\n  o:\n    driver: overlay\n    driver_opts:\n      com.docker.network.enable_ipv6: "T"\n  v:\n    driver: ${D}\n    driver_opts:\n      com.docker.network.enable_ipv6: "true"\n',
    ),
    expect: [
      { rule: 'enable-ipv6', severity: 'error', range: '6:6-6:39' },
      { rule: 'enable-ipv6', severity: 'warning', range: '10:6-10:41', message: ['overlay network `o`', 'Windows tasks get an IPv4 address only'] },
      { rule: 'enable-ipv6', severity: 'warning', range: '14:6-14:44', message: ['set by a variable'] },
    ],
  },
  {
    name: 'a driver option that is not a Go boolean fails on every driver: "driver-opt ... is not a valid bool", on the value',
    rule: 'enable-ipv6',
    yaml: net(
      '  a:\n    driver_opts:\n      com.docker.network.enable_ipv6: "yes"\n  o:\n    driver: overlay\n    driver_opts:\n      com.docker.network.enable_ipv6: "on"\n',
    ),
    expect: [
      {
        rule: 'enable-ipv6',
        severity: 'error',
        range: '6:38-6:43',
        message: ['`a`', 'not a Go boolean', 'driver-opt "com.docker.network.enable_ipv6" is not a valid bool'],
      },
      { rule: 'enable-ipv6', severity: 'error', range: '10:38-10:42' },
    ],
  },
  {
    name: 'near misses: a written `enable_ipv6` wins over the option (the daemon drops it); `"false"`/`"0"`; an unquoted boolean (compose refuses it: driver-opts-type); a variable; an external network',
    rule: 'enable-ipv6',
    yaml: net(
      '  a:\n    enable_ipv6: false\n    driver_opts:\n      com.docker.network.enable_ipv6: "true"\n  b:\n    driver_opts:\n      com.docker.network.enable_ipv6: "false"\n      x.enable_ipv6: "maybe"\n  c:\n    driver_opts:\n      com.docker.network.enable_ipv6: "0"\n  d:\n    driver_opts:\n      com.docker.network.enable_ipv6: true\n  e:\n    driver_opts:\n      com.docker.network.enable_ipv6: ${IPV6}\n  f:\n    external: true\n    driver_opts:\n      com.docker.network.enable_ipv6: "true"\n',
    ),
    expect: [],
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
  {
    name: 'removes the driver option line, keeping the other options',
    rule: 'enable-ipv6',
    preferred: true,
    yaml: net(
      '  app:\n    driver: nat\n    driver_opts:\n      com.docker.network.enable_ipv6: "true"\n      com.docker.network.windowsshim.networkname: app\n',
    ),
    expected: net('  app:\n    driver: nat\n    driver_opts:\n      com.docker.network.windowsshim.networkname: app\n'),
  },
];

describeRule('enable-ipv6', cases, fixes);
