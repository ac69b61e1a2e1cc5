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
        message: ['`vlanid` on network `app`', '`eleven` is not an unsigned 32-bit decimal integer', 'refuses the network', 'Expected decimal VLAN ID, 1–4094'],
      },
    ],
  },
  {
    name: 'VLAN ID 0: a warning, since the daemon sends HNS no VLAN policy for 0 (moby windows.go `if config.VLAN != 0`)',
    rule: 'windowsshim-invalid-value',
    yaml: opts('transparent', `${W}vlanid: "0"`),
    expect: [
      {
        rule: 'windowsshim-invalid-value',
        severity: 'warning',
        range: '7:45-7:48',
        message: ['`vlanid` on network `app`', 'VLAN ID 0 means untagged', 'no VLAN policy for 0', 'use an ID from 1 to 4094'],
      },
    ],
  },
  {
    name: 'VLAN IDs past 4094 (4095 reserved, 4096 and up more than 12 bits), also unquoted: warnings, in the words of hns-vlan-range',
    rule: 'windowsshim-invalid-value',
    yaml: opts('l2bridge', `${W}enable_outboundnat: "true"`, `${W}vlanid: 4095`).concat(
      `  b:\n    driver: transparent\n    driver_opts:\n      ${W}vlanid: "70000"\n`,
    ),
    expect: [
      {
        rule: 'windowsshim-invalid-value',
        severity: 'warning',
        range: '8:45-8:49',
        message: ['VLAN ID 4095 is not usable (4095 is reserved): 802.1Q VLAN IDs are 1–4094', 'passes it to HNS unchecked'],
      },
      { rule: 'windowsshim-invalid-value', severity: 'warning', range: '12:45-12:52', message: ['VLAN ID 70000 is not usable (VLAN IDs are 12-bit)'] },
    ],
  },
  {
    name: 'a boolean Go does not read, an odd MAC pool, a bad DNS server (nat); a bad VNI (overlay)',
    rule: 'windowsshim-invalid-value',
    yaml: `${opts(
      'nat',
      `${W}disable_gatewaydns: "yes"`,
      `${W}macpool: "00-15-5D-00-00-00"`,
      `${W}dnsservers: "10.0.0.1,dns.corp"`,
    )}  ov:\n    driver: overlay\n    driver_opts:\n      com.docker.network.driver.overlay.vxlanid_list: "4097,x"\n`,
    expect: [
      { rule: 'windowsshim-invalid-value', severity: 'error', range: '7:57-7:62', message: ['`yes` is not a boolean the daemon reads'] },
      { rule: 'windowsshim-invalid-value', severity: 'error', range: '8:46-8:65', message: ['invalid mac pool'] },
      { rule: 'windowsshim-invalid-value', severity: 'warning', range: '9:49-9:68', message: ['not an IP address: `dns.corp`'] },
      { rule: 'windowsshim-invalid-value', severity: 'error', range: '13:54-13:62', message: ['`vxlanid_list` on network `ov`', 'not a VXLAN ID: `x`'] },
    ],
  },
  {
    name: 'blanks after commas: the daemon splits lists untrimmed (moby ov_network_windows.go, windows.go parseNetworkOptions)',
    rule: 'windowsshim-invalid-value',
    yaml: `${opts(
      'l2bridge',
      `${W}macpool: "00-15-5D-00-00-00, 00-15-5D-00-FF-FF"`,
      `${W}outboundnat_exceptions: "10.244.0.0/16, 10.96.0.0/12"`,
    )}  ov:\n    driver: overlay\n    driver_opts:\n      com.docker.network.driver.overlay.vxlanid_list: "4097, 4098"\n`,
    expect: [
      { rule: 'windowsshim-invalid-value', severity: 'warning', range: '7:46-7:84', message: ['without trimming', '` 00-15-5D-00-FF-FF`'] },
      { rule: 'windowsshim-invalid-value', severity: 'warning', range: '8:61-8:90', message: ['without trimming', '` 10.96.0.0/12`'] },
      { rule: 'windowsshim-invalid-value', severity: 'error', range: '12:54-12:66', message: ['invalid vxlan id value " 4098" passed'] },
    ],
  },
  {
    name: 'a driver from a variable may be a Windows driver that parses the value: still judged',
    rule: 'windowsshim-invalid-value',
    yaml: opts('${LAN_DRIVER}', `${W}vlanid: "eleven"`),
    expect: [{ rule: 'windowsshim-invalid-value', severity: 'error', range: '7:45-7:53' }],
  },
  {
    name: "near misses: values no driver parses: windowsshim options on overlay (it reads only networkname, interface, hnsid, vxlanid_list), a VNI list on l2bridge, a service endpoint's options, an external network",
    rule: 'windowsshim-invalid-value',
    yaml: `${WIN}    networks:\n      ov:\n        driver_opts:\n          ${W}vlanid: "eleven"\nnetworks:\n  ov:\n    driver: overlay\n    driver_opts:\n      ${W}vlanid: "eleven"\n      ${W}disable_gatewaydns: "yes"\n      ${W}macpool: "00-15-5D-00-00-00"\n  l2:\n    driver: l2bridge\n    driver_opts:\n      ${W}enable_outboundnat: "true"\n      com.docker.network.driver.overlay.vxlanid_list: "4097,x"\n  ext:\n    external: true\n    driver_opts:\n      ${W}vlanid: "eleven"\n`,
    expect: [],
  },
  {
    name: 'near misses: the ends of the VLAN range (1, 4094), a VLAN ID from a variable',
    rule: 'windowsshim-invalid-value',
    yaml: `${opts('transparent', `${W}vlanid: "1"`)}  b:\n    driver: l2bridge\n    driver_opts:\n      ${W}vlanid: 4094\n  c:\n    driver: transparent\n    driver_opts:\n      ${W}vlanid: \${VLAN:-0}\n`,
    expect: [],
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
