/** `disable-ipv4`: `enable_ipv4: false` on Windows. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  {
    name: '`enable_ipv4: false`: key and value',
    rule: 'disable-ipv4',
    yaml: net('  app:\n    enable_ipv4: false\n'),
    expect: [
      { rule: 'disable-ipv4', severity: 'error', range: '5:4-5:22', message: ['`enable_ipv4: false`', 'IPv4 cannot be disabled on Windows', 'Remove it'] },
    ],
  },
  {
    name: 'on overlay, swarm refuses it first, with its own words (moby controller.go NewNetwork)',
    rule: 'disable-ipv4',
    yaml: net('  app:\n    driver: overlay\n    enable_ipv4: "false"\n'),
    expect: [
      { rule: 'disable-ipv4', severity: 'error', range: '6:4-6:24', message: ['overlay network `app`', 'IPv4 cannot be disabled in a Swarm scoped network'] },
    ],
  },
  {
    name: 'the driver option `com.docker.network.enable_ipv4: "false"` (moby daemon/network.go reads it when the key is absent): key and value',
    rule: 'disable-ipv4',
    yaml: net(
      '  app:\n    driver_opts:\n      com.docker.network.enable_ipv4: "false"\n  b:\n    driver: ${D}\n    driver_opts:\n      com.docker.network.enable_ipv4: 0\n',
    ),
    expect: [
      {
        rule: 'disable-ipv4',
        severity: 'error',
        range: '6:6-6:45',
        message: ['`com.docker.network.enable_ipv4: "false"`', 'read as `enable_ipv4: false`', 'IPv4 cannot be disabled on Windows'],
      },
      { rule: 'disable-ipv4', severity: 'error', range: '10:6-10:39', message: ['set by a variable'] },
    ],
  },
  {
    name: 'a driver option that is not a Go boolean: "driver-opt ... is not a valid bool", on the value',
    rule: 'disable-ipv4',
    yaml: net('  app:\n    driver_opts:\n      com.docker.network.enable_ipv4: "no"\n'),
    expect: [
      {
        rule: 'disable-ipv4',
        severity: 'error',
        range: '6:38-6:42',
        message: ['not a Go boolean', 'driver-opt "com.docker.network.enable_ipv4" is not a valid bool'],
      },
    ],
  },
  {
    name: 'near misses: `enable_ipv4: true`; a written key wins over the option; `"true"`; a variable; an external network',
    rule: 'disable-ipv4',
    yaml: net(
      '  app:\n    enable_ipv4: true\n  a:\n    enable_ipv4: true\n    driver_opts:\n      com.docker.network.enable_ipv4: "false"\n  b:\n    driver_opts:\n      com.docker.network.enable_ipv4: "true"\n  c:\n    driver_opts:\n      com.docker.network.enable_ipv4: ${V4}\n  d:\n    external: true\n    enable_ipv4: false\n',
    ),
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes the `enable_ipv4: false` line',
    rule: 'disable-ipv4',
    preferred: true,
    yaml: net('  app:\n    enable_ipv4: false\n    driver: nat\n'),
    expected: net('  app:\n    driver: nat\n'),
  },
  {
    name: 'removes the driver option line',
    rule: 'disable-ipv4',
    yaml: net(
      '  app:\n    driver: nat\n    driver_opts:\n      com.docker.network.windowsshim.networkname: app\n      com.docker.network.enable_ipv4: "false"\n',
    ),
    expected: net('  app:\n    driver: nat\n    driver_opts:\n      com.docker.network.windowsshim.networkname: app\n'),
  },
];

describeRule('disable-ipv4', cases, fixes);
