/** `linux-driver-option`: Linux driver option in a Windows compose file. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const W = 'com.docker.network.windowsshim.';

/** Network `app` with the given driver (line 5) and driver options from line 7 on (keys at column 6). */
const opts = (driver: string, ...lines: string[]) =>
  `${WIN}networks:\n  app:\n${driver ? `    driver: ${driver}\n` : '    attachable: true\n'}    driver_opts:\n${lines.map((l) => `      ${l}\n`).join('')}`;

const cases: RuleCase[] = [
  {
    name: 'options of Linux drivers: the keys',
    rule: 'linux-driver-option',
    yaml: opts('nat', 'com.docker.network.bridge.host_binding_ipv4: "127.0.0.1"', 'com.docker.network.driver.mtu: "1400"', 'parent: eth0'),
    expect: [
      {
        rule: 'linux-driver-option',
        severity: 'warning',
        range: '7:6-7:49',
        message: ['`com.docker.network.bridge.host_binding_ipv4` has no effect on Windows', 'Linux `bridge` driver'],
      },
      { rule: 'linux-driver-option', severity: 'warning', range: '8:6-8:35', message: ['MTU'] },
      { rule: 'linux-driver-option', severity: 'warning', range: '9:6-9:12', message: ['`macvlan`/`ipvlan`'] },
    ],
  },
  {
    name: 'near misses: `vxlanid_list` (read by the Windows overlay driver) and windowsshim options',
    rule: 'linux-driver-option',
    yaml: opts('overlay', 'com.docker.network.driver.overlay.vxlanid_list: "4097"', `${W}interface: "Ethernet"`),
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes a Linux bridge option',
    rule: 'linux-driver-option',
    preferred: true,
    yaml: opts('nat', `${W}networkname: "app"`, 'com.docker.network.bridge.host_binding_ipv4: "127.0.0.1"'),
    expected: opts('nat', `${W}networkname: "app"`),
  },
];

describeRule('linux-driver-option', cases, fixes);
