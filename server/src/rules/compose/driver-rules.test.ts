/**
 * Network drivers (shared/windows-networking.md §2.1–2.3, §7 #1, #2, #16, #17, #23): Linux drivers do not
 * exist on Windows and Windows drivers not on Linux; overlay encryption is not applied on Windows and VNIs below
 * 4096 cannot be used; each external-vSwitch network needs its own host adapter.
 */
import { describeTheme, WIN, yaml, type FixCase, type RuleCase } from './test-helpers';

const VNI = 'com.docker.network.driver.overlay.vxlanid_list';
const IFACE = 'com.docker.network.windowsshim.interface';

/** A Windows service plus a `networks:` section starting on line 3. */
const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  // linux-driver
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
    name: 'near misses: Windows drivers, no driver, and an external network whose driver is unknown',
    rule: 'linux-driver',
    yaml: net('  a:\n    driver: nat\n  b:\n    driver: transparent\n  c:\n    driver: overlay\n  d:\n  e:\n    name: bridge\n    external: true\n'),
    expect: [],
  },
  // windows-driver-on-linux
  {
    name: '`driver: nat` in a file checked as Linux',
    rule: 'windows-driver-on-linux',
    options: { target: 'linux' },
    yaml: 'networks:\n  app:\n    driver: nat\n  lan:\n    driver: transparent\n',
    expect: [
      { rule: 'windows-driver-on-linux', severity: 'error', range: '2:12-2:15', message: ['`app`', '`nat`', 'plugin "nat" not found', '`bridge`'] },
      { rule: 'windows-driver-on-linux', severity: 'error', range: '4:12-4:23', message: ['`transparent`'] },
    ],
  },
  {
    name: 'near miss: with the target left to the file, a Windows driver makes it a Windows file',
    rule: 'windows-driver-on-linux',
    yaml: 'networks:\n  app:\n    driver: nat\n',
    expect: [],
  },
  {
    name: 'near miss: Linux drivers in a Linux file',
    rule: 'windows-driver-on-linux',
    options: { target: 'linux' },
    yaml: 'networks:\n  app:\n    driver: bridge\n  o:\n    driver: overlay\n',
    expect: [],
  },
  // external-networks-same-adapter
  {
    name: 'two external-vSwitch networks without `interface`: both drivers are underlined',
    rule: 'external-networks-same-adapter',
    yaml: net('  lan:\n    driver: transparent\n  k8s:\n    driver: l2bridge\n'),
    expect: [
      { rule: 'external-networks-same-adapter', severity: 'warning', range: '5:12-5:23', message: ['`lan`', `\`${IFACE}\``, '2 external-vSwitch networks'] },
      { rule: 'external-networks-same-adapter', severity: 'warning', range: '7:12-7:20', message: ['`k8s`'] },
    ],
  },
  {
    name: 'two networks on the same adapter: the second one',
    rule: 'external-networks-same-adapter',
    yaml: net(`  lan:\n    driver: transparent\n    driver_opts:\n      ${IFACE}: "Ethernet 2"\n  k8s:\n    driver: l2bridge\n    driver_opts:\n      ${IFACE}: "Ethernet 2"\n`),
    expect: [{ rule: 'external-networks-same-adapter', severity: 'warning', range: '9:12-9:20', message: ['`lan`', '`k8s`', '`Ethernet 2`'] }],
  },
  {
    name: 'near misses: distinct adapters; one external network beside nat networks',
    rule: 'external-networks-same-adapter',
    yaml: net(`  lan:\n    driver: transparent\n    driver_opts:\n      ${IFACE}: "Ethernet 2"\n  k8s:\n    driver: l2bridge\n    driver_opts:\n      ${IFACE}: "Ethernet 3"\n  a:\n    driver: nat\n  b:\n`),
    expect: [],
  },
  {
    name: 'overlay networks share the swarm vSwitch: two of them beside one transparent network are not a clash',
    rule: 'external-networks-same-adapter',
    yaml: net(`  lan:\n    driver: transparent\n    driver_opts:\n      ${IFACE}: "Ethernet 2"\n  front:\n    driver: overlay\n  back:\n    driver: overlay\n`),
    expect: [],
  },
  {
    name: 'an external network without its own adapter beside overlay networks: information',
    rule: 'external-networks-same-adapter',
    yaml: net('  lan:\n    driver: transparent\n  mesh:\n    driver: overlay\n'),
    expect: [{ rule: 'external-networks-same-adapter', severity: 'information', range: '5:12-5:23', message: ['`lan`', 'overlay', `\`${IFACE}\``] }],
  },
  {
    name: 'near miss: a single external network',
    rule: 'external-networks-same-adapter',
    yaml: net('  lan:\n    driver: transparent\n  other:\n    driver: nat\n'),
    expect: [],
  },
  // overlay-encrypted
  {
    name: '`encrypted` on an overlay network: the option key',
    rule: 'overlay-encrypted',
    yaml: net('  app:\n    driver: overlay\n    driver_opts:\n      encrypted: ""\n'),
    expect: [{ rule: 'overlay-encrypted', severity: 'warning', range: '7:6-7:15', message: ['unencrypted', '`app`', 'TLS'] }],
  },
  {
    name: '`encrypted` with no value (how the flag is often written)',
    rule: 'overlay-encrypted',
    yaml: net('  app:\n    driver: overlay\n    driver_opts:\n      encrypted:\n'),
    expect: [{ rule: 'overlay-encrypted', severity: 'warning', range: '7:6-7:15' }],
  },
  {
    name: 'near misses: an overlay without encryption; `encrypted` on a nat network',
    rule: 'overlay-encrypted',
    yaml: net('  app:\n    driver: overlay\n    attachable: true\n  local:\n    driver: nat\n    driver_opts:\n      encrypted: ""\n'),
    expect: [],
  },
  // overlay-vni
  {
    name: 'a VNI below 4096: the value',
    rule: 'overlay-vni',
    yaml: net(`  app:\n    driver: overlay\n    driver_opts:\n      ${VNI}: "100"\n`),
    expect: [{ rule: 'overlay-vni', severity: 'error', range: '7:54-7:59', message: ['VXLAN ID 100', '802.1Q', '4096'] }],
  },
  {
    name: 'several bad VNIs in a list, including one above the 24-bit range',
    rule: 'overlay-vni',
    yaml: net(`  app:\n    driver: overlay\n    driver_opts:\n      ${VNI}: 4096,100,16777216\n`),
    expect: [{ rule: 'overlay-vni', severity: 'error', range: '7:54-7:71', message: ['VXLAN IDs 100, 16777216', '16777215'] }],
  },
  {
    name: 'near misses: VNIs from 4096 to 16777215; a number value',
    rule: 'overlay-vni',
    yaml: net(`  app:\n    driver: overlay\n    driver_opts:\n      ${VNI}: "4096,4097,16777215"\n  b:\n    driver: overlay\n    driver_opts:\n      ${VNI}: 5000\n`),
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
    name: '`macvlan` can become `transparent` (offered, not preferred)',
    rule: 'linux-driver',
    fix: '`transparent`',
    preferred: false,
    yaml: net('  lan:\n    driver: "macvlan"\n'),
    expected: net('  lan:\n    driver: "transparent"\n'),
  },
  {
    name: '`nat` becomes `bridge` in a Linux file',
    rule: 'windows-driver-on-linux',
    options: { target: 'linux' },
    preferred: true,
    yaml: '# linux\nnetworks:\n  app:\n    driver: nat\n',
    expected: '# linux\nnetworks:\n  app:\n    driver: bridge\n',
  },
];

describeTheme('driver', cases, fixes);
