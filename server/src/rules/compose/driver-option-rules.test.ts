/**
 * Driver options (shared/windows-networking.md §5.1, §7 #21, #22): values must be strings or numbers; the
 * Windows driver reads a fixed set of `windowsshim` names, some only on some drivers, parses some of their values,
 * ignores `sourcemac`/`routingdomain`, and keeps some for itself; Linux driver options do nothing on Windows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../engine/fix';
import { check, describeTheme, WIN, type FixCase, type RuleCase } from './test-helpers';

const W = 'com.docker.network.windowsshim.';

/** Network `app` with the given driver (line 5) and driver options from line 7 on (keys at column 6). */
const opts = (driver: string, ...lines: string[]) =>
  `${WIN}networks:\n  app:\n${driver ? `    driver: ${driver}\n` : '    attachable: true\n'}    driver_opts:\n${lines.map((l) => `      ${l}\n`).join('')}`;

/** Service `web` joins `app` with endpoint driver options from line 6 on (keys at column 10). */
const endpoint = (...lines: string[]) => `${WIN}    networks:\n      app:\n        driver_opts:\n${lines.map((l) => `          ${l}\n`).join('')}networks:\n  app:\n`;

const cases: RuleCase[] = [
  // driver-opts-type
  {
    name: 'an unquoted boolean: the value, with the quoted form',
    rule: 'driver-opts-type',
    yaml: opts('l2bridge', `${W}enable_outboundnat: true`),
    expect: [{ rule: 'driver-opts-type', severity: 'error', range: '7:57-7:61', message: [`\`${W}enable_outboundnat\``, 'must be a string or a number', '`true` is a boolean', 'Quote it: `"true"`'] }],
  },
  {
    name: 'a mapping, a list and an empty value: the key',
    rule: 'driver-opts-type',
    yaml: opts('nat', 'foo: {a: 1}', 'bar: [1, 2]', 'baz:'),
    expect: [
      { rule: 'driver-opts-type', severity: 'error', range: '7:6-7:9', message: ['`foo`', 'a mapping'] },
      { rule: 'driver-opts-type', severity: 'error', range: '8:6-8:9', message: ['`bar`', 'a list'] },
      { rule: 'driver-opts-type', severity: 'error', range: '9:6-9:9', message: ['`baz`', 'no value (null)'] },
    ],
  },
  {
    name: 'endpoint driver options too',
    rule: 'driver-opts-type',
    yaml: endpoint('foo: false'),
    expect: [{ rule: 'driver-opts-type', severity: 'error', range: '6:15-6:20', message: ['`false` is a boolean'] }],
  },
  {
    name: 'Linux files too: the compose schema, not Windows, refuses it',
    rule: 'driver-opts-type',
    yaml: 'services:\n  app:\n    image: nginx\nnetworks:\n  app:\n    driver_opts:\n      com.docker.network.bridge.enable_icc: false\n',
    expect: [{ rule: 'driver-opts-type', severity: 'error', range: '6:44-6:49' }],
  },
  {
    name: '`encrypted:` with no value is null, which compose refuses (compose-spec schema: string or number; compose-go converts no null before validating)',
    rule: 'driver-opts-type',
    yaml: opts('overlay', 'encrypted:'),
    expect: [{ rule: 'driver-opts-type', severity: 'error', range: '7:6-7:15', message: ['no value (null)', 'compose refuses the file', '`""`'] }],
  },
  {
    name: 'near misses: strings, numbers, and `encrypted` with an empty string',
    rule: 'driver-opts-type',
    yaml: opts('overlay', `${W}networkname: "cbr0"`, `${W}vlanid: 11`, `${W}enable_outboundnat: "true"`, 'encrypted: ""'),
    expect: [],
  },
  // windowsshim-unknown-option
  {
    name: 'a misspelt option (names are case-sensitive): the key, with the closest name',
    rule: 'windowsshim-unknown-option',
    yaml: opts('l2bridge', `${W}vlanId: "7"`),
    expect: [{ rule: 'windowsshim-unknown-option', severity: 'warning', range: '7:6-7:43', message: ['not an option the Windows driver reads', 'silently ignored', `Did you mean \`${W}vlanid\`?`] }],
  },
  {
    name: 'a name far from every known one: no suggestion',
    rule: 'windowsshim-unknown-option',
    yaml: opts('nat', `${W}frobnicate: "1"`),
    expect: [{ rule: 'windowsshim-unknown-option', severity: 'warning', range: '7:6-7:47', message: [/^(?!.*Did you mean)/] }],
  },
  {
    name: 'near misses: every option the driver reads; options outside the windowsshim namespace',
    rule: 'windowsshim-unknown-option',
    yaml: opts('l2bridge', `${W}networkname: "cbr0"`, `${W}vlanid: "7"`, `${W}dnssuffix: corp.example`, 'com.docker.network.driver.mtu: "1400"', 'foo: bar'),
    expect: [],
  },
  // windowsshim-wrong-driver
  {
    name: '`interface` on a nat network: the key',
    rule: 'windowsshim-wrong-driver',
    yaml: opts('nat', `${W}interface: "Ethernet 2"`),
    expect: [{ rule: 'windowsshim-wrong-driver', severity: 'warning', range: '7:6-7:46', message: ['applies to `transparent`, `l2bridge`, `l2tunnel`, `overlay`', 'network `app` uses `nat`', 'no effect', 'internal vSwitch'] }],
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
    name: 'options the Windows overlay driver never reads: warnings, even where Microsoft\'s own overlay example uses them (moby ov_network_windows.go)',
    rule: 'windowsshim-wrong-driver',
    yaml: opts('overlay', `${W}dnsservers: "10.0.0.10"`, `${W}macpool: "00-15-5D-00-00-00,00-15-5D-00-FF-FF"`, `${W}enable_outboundnat: "true"`, `${W}networkname: "ov"`, `${W}interface: "Ethernet 2"`),
    expect: [
      { rule: 'windowsshim-wrong-driver', severity: 'warning', range: '7:6-7:47', message: ['no effect on network `app`, which uses `overlay`', 'reads only `networkname`, `interface` and `vxlanid_list`'] },
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
  // windowsshim-invalid-value
  {
    name: 'a VLAN ID that is not a number: the value',
    rule: 'windowsshim-invalid-value',
    yaml: opts('transparent', `${W}vlanid: "eleven"`),
    expect: [{ rule: 'windowsshim-invalid-value', severity: 'error', range: '7:45-7:53', message: ['`vlanid` on network `app`', '`eleven` is not an unsigned 32-bit decimal integer', 'refuses the network', 'Expected decimal VLAN ID'] }],
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
  // outboundnat-exceptions-without-enable
  {
    name: 'exceptions without `enable_outboundnat`: the key',
    rule: 'outboundnat-exceptions-without-enable',
    yaml: opts('l2bridge', `${W}outboundnat_exceptions: "10.244.0.0/16"`),
    expect: [{ rule: 'outboundnat-exceptions-without-enable', severity: 'warning', range: '7:6-7:59', message: ['`outboundnat_exceptions` does nothing', '`app`', '`enable_outboundnat: "true"`'] }],
  },
  {
    name: 'exceptions with `enable_outboundnat: "false"`',
    rule: 'outboundnat-exceptions-without-enable',
    yaml: opts('l2bridge', `${W}enable_outboundnat: "false"`, `${W}outboundnat_exceptions: "10.244.0.0/16"`),
    expect: [{ rule: 'outboundnat-exceptions-without-enable', severity: 'warning', range: '8:6-8:59' }],
  },
  {
    name: 'near misses: exceptions with `enable_outboundnat` "true" or "1"',
    rule: 'outboundnat-exceptions-without-enable',
    yaml: `${opts('l2bridge', `${W}enable_outboundnat: "1"`, `${W}outboundnat_exceptions: "10.244.0.0/16"`)}  b:\n    driver: l2bridge\n    driver_opts:\n      ${W}outboundnat_exceptions: "10.96.0.0/12"\n      ${W}enable_outboundnat: "true"\n`,
    expect: [],
  },
  // windowsshim-ignored-option
  {
    name: '`sourcemac` and `routingdomain`: the keys',
    rule: 'windowsshim-ignored-option',
    yaml: opts('transparent', `${W}sourcemac: "00-15-5D-AA-BB-CC"`, `${W}routingdomain: "5"`),
    expect: [
      { rule: 'windowsshim-ignored-option', severity: 'warning', range: '7:6-7:46', message: [`\`${W}sourcemac\` is ignored by the Windows driver`, 'never parsed'] },
      { rule: 'windowsshim-ignored-option', severity: 'warning', range: '8:6-8:50', message: ['never sent to HNS'] },
    ],
  },
  {
    name: 'near miss: `networkname` is applied',
    rule: 'windowsshim-ignored-option',
    yaml: opts('transparent', `${W}networkname: "lan"`),
    expect: [],
  },
  // windowsshim-internal-option
  {
    name: 'an endpoint option the driver type-asserts: the container fails, an error (moby windows.go parseEndpointOptions, daemon/network.go string driver_opts)',
    rule: 'windowsshim-internal-option',
    yaml: endpoint(`${W}disableicc: "true"`),
    expect: [{ rule: 'windowsshim-internal-option', severity: 'error', range: '6:10-6:51', message: ['internal endpoint option', 'Invalid endpoint configuration', 'does not start'] }],
  },
  {
    name: 'endpoint MAC address and DNS servers as driver options: errors (moby windows.go parseEndpointOptions, ParseDNSServers)',
    rule: 'windowsshim-internal-option',
    yaml: endpoint('com.docker.network.endpoint.macaddress: "00-15-5D-01-02-03"', 'com.docker.network.endpoint.dnsservers: "10.0.0.10"'),
    expect: [
      { rule: 'windowsshim-internal-option', severity: 'error', range: '6:10-6:48', message: ['`mac_address`'] },
      { rule: 'windowsshim-internal-option', severity: 'error', range: '7:10-7:48', message: ['`dns:`'] },
    ],
  },
  {
    name: 'an endpoint option in a network\'s driver_opts: nothing reads it, a warning',
    rule: 'windowsshim-internal-option',
    yaml: opts('nat', `${W}disable_dns: "true"`),
    expect: [{ rule: 'windowsshim-internal-option', severity: 'warning', range: '7:6-7:48', message: ['endpoint option', 'nothing reads it'] }],
  },
  {
    name: '`hnsid` on a network: a warning that Docker deletes the endpoints and, on compose down, the HNS network (moby windows.go CreateNetwork, DeleteNetwork)',
    rule: 'windowsshim-internal-option',
    yaml: opts('nat', `${W}hnsid: "7c6a1f5e-0000-4000-8000-000000000000"`),
    expect: [{ rule: 'windowsshim-internal-option', severity: 'warning', range: '7:6-7:42', message: ['deletes the endpoints already on it', 'deletes the HNS network', 'external: true'] }],
  },
  {
    name: '`hnsid` on overlay: ignored, the overlay driver creates a new HNS network (moby ov_network_windows.go)',
    rule: 'windowsshim-internal-option',
    yaml: opts('overlay', `${W}hnsid: "7c6a1f5e-0000-4000-8000-000000000000"`),
    expect: [{ rule: 'windowsshim-internal-option', severity: 'warning', range: '7:6-7:42', message: ['ignored on overlay', 'creates a new HNS network'] }],
  },
  {
    name: '`hnsowned`: information',
    rule: 'windowsshim-internal-option',
    yaml: opts('nat', `${W}hnsowned: "true"`),
    expect: [{ rule: 'windowsshim-internal-option', severity: 'information', range: '7:6-7:45', message: ['set by Docker itself', 'prune'] }],
  },
  {
    name: 'near miss: user options',
    rule: 'windowsshim-internal-option',
    yaml: opts('nat', `${W}networkname: "app"`, `${W}dnssuffix: "corp.example"`),
    expect: [],
  },
  // linux-driver-option
  {
    name: 'options of Linux drivers: the keys',
    rule: 'linux-driver-option',
    yaml: opts('nat', 'com.docker.network.bridge.host_binding_ipv4: "127.0.0.1"', 'com.docker.network.driver.mtu: "1400"', 'parent: eth0'),
    expect: [
      { rule: 'linux-driver-option', severity: 'warning', range: '7:6-7:49', message: ['`com.docker.network.bridge.host_binding_ipv4` has no effect on Windows', 'Linux `bridge` driver'] },
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
    name: 'quotes an unquoted boolean',
    rule: 'driver-opts-type',
    preferred: true,
    yaml: opts('l2bridge', `${W}enable_outboundnat: true # outbound`),
    expected: opts('l2bridge', `${W}enable_outboundnat: "true" # outbound`),
  },
  {
    name: 'gives `encrypted:` an empty string, keeping a comment',
    rule: 'driver-opts-type',
    preferred: true,
    yaml: opts('overlay', 'encrypted: # IPsec'),
    expected: opts('overlay', 'encrypted: "" # IPsec'),
  },
  {
    name: 'renames to the closest known option',
    rule: 'windowsshim-unknown-option',
    preferred: true,
    yaml: opts('l2bridge', `${W}vlanId: "7"`),
    expected: opts('l2bridge', `${W}vlanid: "7"`),
  },
  {
    name: 'removes `sourcemac`',
    rule: 'windowsshim-ignored-option',
    preferred: true,
    yaml: opts('transparent', `${W}interface: "Ethernet 2"`, `${W}sourcemac: "00-15-5D-AA-BB-CC"`),
    expected: opts('transparent', `${W}interface: "Ethernet 2"`),
  },
  {
    name: 'removes a Linux bridge option',
    rule: 'linux-driver-option',
    preferred: true,
    yaml: opts('nat', `${W}networkname: "app"`, 'com.docker.network.bridge.host_binding_ipv4: "127.0.0.1"'),
    expected: opts('nat', `${W}networkname: "app"`),
  },
];

describeTheme('driver-option', cases, fixes);

describe('driver option rules: fixes that are not offered', () => {
  it('no rename onto an option that is already set (it would be a duplicate key)', () => {
    const text = opts('l2bridge', `${W}vlanid: "7"`, `${W}vlanId: "8"`);
    const [finding] = check(text).filter((f) => f.rule === 'windowsshim-unknown-option');
    assert.match(finding.message, /already set/);
    assert.deepEqual(finding.fixes, []);
  });
  it('no quoting fix for a mapping or list value', () => {
    const findings = check(opts('nat', 'foo: {a: 1}', 'bar: [x]')).filter((f) => f.rule === 'driver-opts-type');
    assert.equal(findings.length, 2);
    assert.deepEqual(findings.flatMap((f) => f.fixes), []);
  });
  it('the empty-string fix works in a flow mapping too', () => {
    const text = `${WIN}networks:\n  app:\n    driver: overlay\n    driver_opts: {encrypted: }\n`;
    const [finding] = check(text).filter((f) => f.rule === 'driver-opts-type');
    assert.equal(applyEdits(text, finding.fixes[0].edits), `${WIN}networks:\n  app:\n    driver: overlay\n    driver_opts: {encrypted: "" }\n`);
  });
});
