/** `windowsshim-invalid-value`: Windows driver option with a value the daemon cannot parse. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const W = 'com.docker.network.windowsshim.';

/** Network `app` with the given driver (line 5) and driver options from line 7 on (keys at column 6). */
const opts = (driver: string, ...lines: string[]) =>
  `${WIN}networks:\n  app:\n${driver ? `    driver: ${driver}\n` : '    attachable: true\n'}    driver_opts:\n${lines.map((l) => `      ${l}\n`).join('')}`;

const cases: RuleCase[] = [
  {
    name: 'a VLAN ID that is not a number: the value',
    rule: 'windowsshim-invalid-value',
    yaml: opts('transparent', `${W}vlanid: "eleven"`),
    expect: [
      {
        rule: 'windowsshim-invalid-value',
        severity: 'error',
        range: '7:45-7:53',
        message: ['`vlanid` on network `app`', '`eleven` is not an unsigned 32-bit decimal integer', 'refuses the network', 'Expected decimal VLAN ID'],
      },
    ],
  },
  {
    name: 'a boolean Go does not read, an odd MAC pool, a bad DNS server, a bad VNI',
    rule: 'windowsshim-invalid-value',
    yaml: opts(
      'overlay',
      `${W}disable_gatewaydns: "yes"`,
      `${W}macpool: "00-15-5D-00-00-00"`,
      `${W}dnsservers: "10.0.0.1,dns.corp"`,
      'com.docker.network.driver.overlay.vxlanid_list: "4097,x"',
    ),
    expect: [
      { rule: 'windowsshim-invalid-value', severity: 'error', range: '7:57-7:62', message: ['`yes` is not a boolean the daemon reads'] },
      { rule: 'windowsshim-invalid-value', severity: 'error', range: '8:46-8:65', message: ['invalid mac pool'] },
      { rule: 'windowsshim-invalid-value', severity: 'warning', range: '9:49-9:68', message: ['not an IP address: `dns.corp`'] },
      { rule: 'windowsshim-invalid-value', severity: 'error', range: '10:54-10:62', message: ['not a VXLAN ID: `x`'] },
    ],
  },
  {
    name: 'blanks after commas: the daemon splits lists untrimmed (moby ov_network_windows.go, windows.go parseNetworkOptions)',
    rule: 'windowsshim-invalid-value',
    yaml: opts(
      'l2bridge',
      `${W}macpool: "00-15-5D-00-00-00, 00-15-5D-00-FF-FF"`,
      `${W}outboundnat_exceptions: "10.244.0.0/16, 10.96.0.0/12"`,
      'com.docker.network.driver.overlay.vxlanid_list: "4097, 4098"',
    ),
    expect: [
      { rule: 'windowsshim-invalid-value', severity: 'warning', range: '7:46-7:84', message: ['without trimming', '` 00-15-5D-00-FF-FF`'] },
      { rule: 'windowsshim-invalid-value', severity: 'warning', range: '8:61-8:90', message: ['without trimming', '` 10.96.0.0/12`'] },
      { rule: 'windowsshim-invalid-value', severity: 'error', range: '9:54-9:66', message: ['invalid vxlan id value " 4098" passed'] },
    ],
  },
  {
    name: 'near misses: values the daemon parses (`11`, `t`, `TRUE`, IP lists, MAC pairs, VNIs)',
    rule: 'windowsshim-invalid-value',
    yaml: opts(
      'l2bridge',
      `${W}vlanid: 11`,
      `${W}enable_outboundnat: "t"`,
      `${W}disable_gatewaydns: "TRUE"`,
      `${W}dnsservers: "10.0.0.1,10.0.0.2"`,
      `${W}outboundnat_exceptions: "10.244.0.0/16,10.96.0.1"`,
      `${W}macpool: "00-15-5D-00-00-00,00-15-5D-00-FF-FF"`,
      'com.docker.network.driver.overlay.vxlanid_list: "4097"',
    ),
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('windowsshim-invalid-value', cases, fixes);
