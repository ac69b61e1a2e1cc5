/** `windowsshim-wrong-driver`: Windows option on a driver it does not apply to. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const W = 'com.docker.network.windowsshim.';

/** Network `app` with the given driver (line 5) and driver options from line 7 on (keys at column 6). */
const opts = (driver: string, ...lines: string[]) =>
  `${WIN}networks:\n  app:\n${driver ? `    driver: ${driver}\n` : '    attachable: true\n'}    driver_opts:\n${lines.map((l) => `      ${l}\n`).join('')}`;

const cases: RuleCase[] = [
  {
    name: '`interface` on a nat network: the key',
    rule: 'windowsshim-wrong-driver',
    yaml: opts('nat', `${W}interface: "Ethernet 2"`),
    expect: [
      {
        rule: 'windowsshim-wrong-driver',
        severity: 'warning',
        range: '7:6-7:46',
        message: ['applies to `transparent`, `l2bridge`, `l2tunnel`, `overlay`', 'network `app` uses `nat`', 'no effect', 'internal vSwitch'],
      },
    ],
  },
  {
    name: '`vlanid` on the default driver (none written): says it is the Windows default',
    rule: 'windowsshim-wrong-driver',
    yaml: opts('', `${W}vlanid: "7"`),
    expect: [{ rule: 'windowsshim-wrong-driver', severity: 'warning', range: '7:6-7:43', message: ['`nat` (the Windows default)'] }],
  },
  {
    name: '`vlanid` on a driverless network of a swarm stack: says it is the stack default, overlay',
    rule: 'windowsshim-wrong-driver',
    path: 'docker-stack.yml',
    yaml: opts('', `${W}vlanid: "7"`),
    expect: [{ rule: 'windowsshim-wrong-driver', severity: 'warning', range: '7:6-7:43', message: ['`overlay` (the default of a swarm stack)'] }],
  },
  {
    name: '`enable_outboundnat` off l2bridge: information (docs say l2bridge, the code applies it anywhere)',
    rule: 'windowsshim-wrong-driver',
    yaml: opts('transparent', `${W}enable_outboundnat: "true"`),
    expect: [{ rule: 'windowsshim-wrong-driver', severity: 'information', range: '7:6-7:55', message: ['applies to `l2bridge`', '`transparent`'] }],
  },
  {
    name: "options the Windows overlay driver never reads: warnings, even where Microsoft's own overlay example uses them (moby ov_network_windows.go)",
    rule: 'windowsshim-wrong-driver',
    yaml: opts(
      'overlay',
      `${W}dnsservers: "10.0.0.10"`,
      `${W}macpool: "00-15-5D-00-00-00,00-15-5D-00-FF-FF"`,
      `${W}enable_outboundnat: "true"`,
      `${W}networkname: "ov"`,
      `${W}interface: "Ethernet 2"`,
    ),
    expect: [
      {
        rule: 'windowsshim-wrong-driver',
        severity: 'warning',
        range: '7:6-7:47',
        message: ['no effect on network `app`, which uses `overlay`', 'reads only `networkname`, `interface` and `vxlanid_list`'],
      },
      { rule: 'windowsshim-wrong-driver', severity: 'warning', range: '8:6-8:44' },
      { rule: 'windowsshim-wrong-driver', severity: 'warning', range: '9:6-9:55' },
    ],
  },
  {
    name: 'near misses: options on their drivers; an external network of unknown driver',
    rule: 'windowsshim-wrong-driver',
    yaml: `${opts('transparent', `${W}interface: "Ethernet 2"`, `${W}vlanid: "7"`)}  ext:\n    external: true\n    driver_opts:\n      ${W}vlanid: "7"\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('windowsshim-wrong-driver', cases, fixes);
