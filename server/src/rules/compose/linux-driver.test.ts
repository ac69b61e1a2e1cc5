/** `linux-driver`: Linux-only network driver in a Windows compose file. Its cases, near misses and fixes. */
import { WIN, describeRule, yaml, type FixCase, type RuleCase } from '../../testing/rule-tests';

/** A Windows service plus a `networks:` section starting on line 3. */
const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  {
    name: '`driver: bridge` on a Windows file: the value, with the plugin error and `nat`',
    rule: 'linux-driver',
    yaml: net('  app:\n    driver: bridge\n'),
    expect: [{ rule: 'linux-driver', severity: 'error', range: '5:12-5:18', message: ['`app`', '`bridge`', 'plugin not found', '`nat`'] }],
  },
  {
    name: '`macvlan` and `ipvlan` point at transparent and l2bridge; `host` as a driver too',
    rule: 'linux-driver',
    yaml: net('  lan:\n    driver: macvlan\n  vlan:\n    driver: "ipvlan"\n  h:\n    driver: host\n'),
    expect: [
      { rule: 'linux-driver', severity: 'error', range: '5:12-5:19', message: ['`macvlan`', '`transparent`', '`l2bridge`'] },
      { rule: 'linux-driver', severity: 'error', range: '7:12-7:20', message: ['`ipvlan`'] },
      { rule: 'linux-driver', severity: 'error', range: '9:12-9:16', message: ['`host`'] },
    ],
  },
  {
    name: 'a driver brought in through a merge key is reported where the anchor writes it',
    rule: 'linux-driver',
    yaml: yaml`
      x-net: &net
        driver: bridge
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      networks:
        app:
          <<: *net
    `,
    expect: [{ rule: 'linux-driver', severity: 'error', range: '1:10-1:16' }],
  },
  {
    name: 'a Linux driver in another case (`Bridge`, `MACVLAN`) fails the same way and is reported here, not by driver-name-case',
    rule: ['linux-driver', 'driver-name-case'],
    yaml: net('  app:\n    driver: Bridge\n  lan:\n    driver: MACVLAN\n'),
    expect: [
      { rule: 'linux-driver', severity: 'error', range: '5:12-5:18', message: ['the Linux driver `bridge` (written `Bridge`)', '`nat`'] },
      { rule: 'linux-driver', severity: 'error', range: '7:12-7:19', message: ['`macvlan` (written `MACVLAN`)', '`transparent`'] },
    ],
  },
  {
    name: 'near misses: Windows drivers, no driver, and an external network whose driver is unknown',
    rule: 'linux-driver',
    yaml: net('  a:\n    driver: nat\n  b:\n    driver: transparent\n  c:\n    driver: overlay\n  d:\n  e:\n    name: bridge\n    external: true\n'),
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: '`bridge` becomes `nat` (preferred)',
    rule: 'linux-driver',
    yaml: net('  app:  # the app network\n    driver: bridge # was Linux\n'),
    preferred: true,
    expected: net('  app:  # the app network\n    driver: nat # was Linux\n'),
  },
  {
    name: '`Bridge` becomes `nat` (preferred), not `bridge`',
    rule: 'linux-driver',
    preferred: true,
    yaml: net('  app:\n    driver: Bridge\n'),
    expected: net('  app:\n    driver: nat\n'),
  },
  {
    name: '`macvlan` can become `transparent` (offered, not preferred)',
    rule: 'linux-driver',
    fix: '`transparent`',
    preferred: false,
    yaml: net('  lan:\n    driver: "macvlan"\n'),
    expected: net('  lan:\n    driver: "transparent"\n'),
  },
];

describeRule('linux-driver', cases, fixes);
