/** `external-networks-same-adapter`: Several external-vSwitch networks without their own adapter. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const IFACE = 'com.docker.network.windowsshim.interface';

/** A Windows service plus a `networks:` section starting on line 3. */
const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
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
    yaml: net(
      `  lan:\n    driver: transparent\n    driver_opts:\n      ${IFACE}: "Ethernet 2"\n  k8s:\n    driver: l2bridge\n    driver_opts:\n      ${IFACE}: "Ethernet 2"\n`,
    ),
    expect: [{ rule: 'external-networks-same-adapter', severity: 'warning', range: '9:12-9:20', message: ['`lan`', '`k8s`', '`Ethernet 2`'] }],
  },
  {
    name: 'near misses: distinct adapters; one external network beside nat networks',
    rule: 'external-networks-same-adapter',
    yaml: net(
      `  lan:\n    driver: transparent\n    driver_opts:\n      ${IFACE}: "Ethernet 2"\n  k8s:\n    driver: l2bridge\n    driver_opts:\n      ${IFACE}: "Ethernet 3"\n  a:\n    driver: nat\n  b:\n`,
    ),
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
];

const fixes: FixCase[] = [];

describeRule('external-networks-same-adapter', cases, fixes);
