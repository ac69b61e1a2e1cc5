/** `driver-name-case`: Network driver name in the wrong case. Its cases, near misses and fixes. */
import { describeRule, WIN, yaml, type FixCase, type RuleCase } from '../../testing/rule-tests';

/** A Windows service plus a `networks:` section starting on line 3. */
const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  {
    name: '`driver: NAT` (docker/for-win#1400): the value, with the plugin error and the lower-case name',
    rule: 'driver-name-case',
    yaml: net('  app:\n    driver: NAT\n'),
    expect: [
      {
        rule: 'driver-name-case',
        severity: 'error',
        range: '5:12-5:15',
        message: ['`app`', '`NAT`', 'matches driver names exactly', 'could not find plugin NAT in v1 plugin registry: plugin not found', 'Write `nat`'],
      },
    ],
  },
  {
    name: '`Transparent`, `L2Bridge` (quoted), `Overlay` and `L2TUNNEL`: each reported on its value',
    rule: 'driver-name-case',
    yaml: net('  lan:\n    driver: Transparent\n  k8s:\n    driver: "L2Bridge"\n  o:\n    driver: Overlay\n  t:\n    driver: L2TUNNEL\n'),
    expect: [
      { rule: 'driver-name-case', severity: 'error', range: '5:12-5:23', message: ['`Transparent`', '`transparent`'] },
      { rule: 'driver-name-case', severity: 'error', range: '7:12-7:22', message: ['`L2Bridge`', '`l2bridge`'] },
      { rule: 'driver-name-case', severity: 'error', range: '9:12-9:19', message: ['`overlay`'] },
      { rule: 'driver-name-case', severity: 'error', range: '11:12-11:20', message: ['`l2tunnel`'] },
    ],
  },
  {
    name: 'a driver brought in through a merge key is reported where the anchor writes it',
    rule: 'driver-name-case',
    yaml: yaml`
      x-net: &net
        driver: Nat
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      networks:
        app:
          <<: *net
    `,
    expect: [{ rule: 'driver-name-case', severity: 'error', range: '1:10-1:13' }],
  },
  {
    name: 'exactly one rule speaks: `NAT` is driver-name-case only, `Bridge` is linux-driver only',
    rule: ['driver-name-case', 'linux-driver', 'windows-driver-on-linux'],
    yaml: net('  a:\n    driver: NAT\n  b:\n    driver: Bridge\n'),
    expect: [
      { rule: 'driver-name-case', severity: 'error', range: '5:12-5:15' },
      { rule: 'linux-driver', severity: 'error', range: '7:12-7:18', message: ['`bridge`', 'written `Bridge`'] },
    ],
  },
  {
    name: 'near misses: lower-case names, unknown names (a plugin may exist), variables, no driver, an external network',
    rule: 'driver-name-case',
    yaml: net(
      '  a:\n    driver: nat\n  b:\n    driver: l2bridge\n  c:\n    driver: weave\n  d:\n    driver: ${DRIVER:-NAT}\n  e:\n  f:\n    name: NAT\n    external: true\n',
    ),
    expect: [],
  },
  {
    name: 'near miss: a plain `Null` is YAML null (no driver: the Windows default), not the string `Null`',
    rule: 'driver-name-case',
    yaml: net('  a:\n    driver: Null\n'),
    expect: [],
  },
  {
    name: 'a quoted `"Null"` is the string, and fails like any other wrong case',
    rule: 'driver-name-case',
    yaml: net('  a:\n    driver: "Null"\n'),
    expect: [{ rule: 'driver-name-case', severity: 'error', range: '5:12-5:18', message: ['`null`'] }],
  },
];

const fixes: FixCase[] = [
  {
    name: '`NAT` becomes `nat` (preferred), keeping the comments',
    rule: 'driver-name-case',
    preferred: true,
    yaml: net('  app:  # the app network\n    driver: NAT # as in the tutorial\n'),
    expected: net('  app:  # the app network\n    driver: nat # as in the tutorial\n'),
  },
  {
    name: 'a quoted `"L2Bridge"` stays quoted',
    rule: 'driver-name-case',
    yaml: net('  k8s:\n    driver: "L2Bridge"\n'),
    expected: net('  k8s:\n    driver: "l2bridge"\n'),
  },
];

describeRule('driver-name-case', cases, fixes);
