/**
 * IPAM and network options on Windows (shared/windows-networking.md §2.3 nat, §3.3, §4, §7 #14, #15, #20):
 * `ip_range` fails (not on overlay); `aux_addresses`, `internal` and `ipam.options` are accepted and ignored;
 * only the built-in IPAM drivers exist; static addresses need an explicit subnet that contains them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, describeTheme, WIN, yaml, type FixCase, type RuleCase } from './test-helpers';

const net = (body: string) => `${WIN}networks:\n${body}`;

/** Service `web` with `ipv4_address` (line 5, value from column 22) on network `name`, defined by `definition`. */
const staticIp = (address: string, name: string, definition: string) =>
  `${WIN}    networks:\n      ${name}:\n        ipv4_address: ${address}\n${definition ? `networks:\n  ${name}:\n${definition}` : ''}`;

const cases: RuleCase[] = [
  // ip-range
  {
    name: '`ip_range` on the default nat driver: key and value',
    rule: 'ip-range',
    yaml: net('  app:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/16\n          ip_range: 10.10.5.0/24\n'),
    expect: [{ rule: 'ip-range', severity: 'error', range: '8:10-8:32', message: ['`ip_range`', "this request is not supported by the 'windows' ipam driver"] }],
  },
  {
    name: '`ip_range` on transparent, in a flow mapping',
    rule: 'ip-range',
    yaml: net('  lan:\n    driver: transparent\n    ipam:\n      config: [{subnet: 10.10.0.0/24, ip_range: 10.10.0.128/25}]\n'),
    expect: [{ rule: 'ip-range', severity: 'error', range: '7:38-7:62' }],
  },
  {
    name: 'near misses: `ip_range` on overlay (default IPAM), a subnet alone',
    rule: 'ip-range',
    yaml: net('  swarm:\n    driver: overlay\n    ipam:\n      config:\n        - subnet: 10.0.9.0/24\n          ip_range: 10.0.9.128/25\n  app:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/16\n'),
    expect: [],
  },
  // aux-addresses
  {
    name: '`aux_addresses`: the key (its value is a mapping)',
    rule: 'aux-addresses',
    yaml: net('  lan:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n          aux_addresses:\n            router: 10.10.0.2\n'),
    expect: [{ rule: 'aux-addresses', severity: 'warning', range: '8:10-8:23', message: ['`aux_addresses` has no effect on Windows', '`lan`', 'does not reserve'] }],
  },
  {
    name: 'near misses: an IPAM config without `aux_addresses`; `aux_addresses` on overlay (default IPAM reserves them)',
    rule: 'aux-addresses',
    yaml: net('  lan:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n          gateway: 10.10.0.1\n  swarm:\n    driver: overlay\n    ipam:\n      config:\n        - subnet: 10.0.9.0/24\n          aux_addresses:\n            lb: 10.0.9.2\n'),
    expect: [],
  },
  // internal-network
  {
    name: '`internal: true`: key and value',
    rule: 'internal-network',
    yaml: net('  backend:\n    internal: true\n'),
    expect: [{ rule: 'internal-network', severity: 'warning', range: '5:4-5:18', message: ['does not isolate network `backend`', 'stop `ports:` being published', 'drops its `dns:` servers'] }],
  },
  {
    name: 'a service whose only networks are internal loses its published ports, and the message names it (moby daemon/network.go buildPortsRelatedCreateEndpointOptions)',
    rule: 'internal-network',
    yaml: yaml`
      services:
        db:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [backend]
          ports: ["1433:1433"]
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [backend, front]
          ports: ["80:80"]
      networks:
        backend:
          internal: true
        front: {}
    `,
    expect: [{ rule: 'internal-network', severity: 'warning', range: '11:4-11:18', message: ['`db` publishes ports that are therefore not published'] }],
  },
  {
    name: 'near miss: `internal: false`; the `internal` driver is another thing',
    rule: 'internal-network',
    yaml: net('  backend:\n    internal: false\n  other:\n    driver: internal\n'),
    expect: [],
  },
  // ipam-options
  {
    name: '`ipam.options`: the key',
    rule: 'ipam-options',
    yaml: net('  app:\n    ipam:\n      options:\n        foo: bar\n'),
    expect: [{ rule: 'ipam-options', severity: 'warning', range: '6:6-6:13', message: ['`ipam.options` has no effect on Windows', '`app`'] }],
  },
  {
    name: 'near miss: driver options are not IPAM options',
    rule: 'ipam-options',
    yaml: net('  app:\n    driver_opts:\n      foo: bar\n    ipam:\n      config:\n        - subnet: 10.1.0.0/24\n'),
    expect: [],
  },
  // ipam-driver
  {
    name: 'an IPAM driver Windows does not have: the value',
    rule: 'ipam-driver',
    yaml: net('  app:\n    ipam:\n      driver: dhcp\n'),
    expect: [{ rule: 'ipam-driver', severity: 'warning', range: '6:14-6:18', message: ['`dhcp`', '`default`', '`windows`', '`null`', 'plugin'] }],
  },
  {
    name: 'near misses: the built-in `default`, `windows` and `null`; any driver on overlay',
    rule: 'ipam-driver',
    yaml: net('  a:\n    ipam:\n      driver: default\n  b:\n    ipam:\n      driver: windows\n  c:\n    ipam:\n      driver: "null"\n  d:\n    driver: overlay\n    ipam:\n      driver: custom\n'),
    expect: [],
  },
  // static-ip-without-subnet
  {
    name: 'an address on the default network: its nat subnet is chosen per host',
    rule: 'static-ip-without-subnet',
    yaml: staticIp('172.16.0.10', 'default', ''),
    expect: [{ rule: 'static-ip-without-subnet', severity: 'warning', range: '5:22-5:33', message: ['`172.16.0.10`', '172.16.0.0/12', 'not the documented 172.16.0.0/16', '`ipam.config[].subnet`'] }],
  },
  {
    name: 'an address on the external `nat` network',
    rule: 'static-ip-without-subnet',
    yaml: staticIp('172.16.0.10', 'default', '    name: nat\n    external: true\n'),
    expect: [{ rule: 'static-ip-without-subnet', severity: 'warning', range: '5:22-5:33' }],
  },
  {
    name: 'transparent without a subnet, and transparent with a subnet but no gateway',
    rule: 'static-ip-without-subnet',
    yaml: `${WIN}    networks:\n      lan:\n        ipv4_address: 10.10.0.5\n      lan2:\n        ipv4_address: 10.20.0.5\nnetworks:\n  lan:\n    driver: transparent\n  lan2:\n    driver: transparent\n    ipam:\n      config:\n        - subnet: 10.20.0.0/24\n`,
    expect: [
      { rule: 'static-ip-without-subnet', severity: 'warning', range: '5:22-5:31', message: ['`lan`', '`transparent`', 'no subnet'] },
      { rule: 'static-ip-without-subnet', severity: 'warning', range: '7:22-7:31', message: ['`lan2`', '`gateway`'] },
    ],
  },
  {
    name: 'near misses: a nat network with a subnet; overlay and external networks of unknown driver',
    rule: 'static-ip-without-subnet',
    yaml: `${WIN}    networks:\n      app:\n        ipv4_address: 172.30.0.10\n      swarm:\n        ipv4_address: 10.0.9.5\n      ext:\n        ipv4_address: 10.1.0.5\nnetworks:\n  app:\n    ipam:\n      config:\n        - subnet: 172.30.0.0/24\n  swarm:\n    driver: overlay\n  ext:\n    external: true\n`,
    expect: [],
  },
  // static-ip-outside-subnet
  {
    name: 'an address outside the only subnet: the address',
    rule: 'static-ip-outside-subnet',
    yaml: staticIp('10.20.0.5', 'lan', '    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n'),
    expect: [{ rule: 'static-ip-outside-subnet', severity: 'error', range: '5:22-5:31', message: ['`10.20.0.5`', '`lan`', '10.10.0.0/24', 'no configured subnet contains IP address'] }],
  },
  {
    name: 'on an external network compose does not read `ipam`: the written subnets are compared, as a warning',
    rule: 'static-ip-outside-subnet',
    yaml: staticIp('10.20.0.5', 'lan', '    external: true\n    name: corp-lan\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n'),
    expect: [{ rule: 'static-ip-outside-subnet', severity: 'warning', range: '5:22-5:31', message: ['external network `lan`', 'compose does not read them'] }],
  },
  {
    name: 'not an IPv4 address at all',
    rule: 'static-ip-outside-subnet',
    yaml: staticIp('10.10.0', 'lan', '    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n'),
    expect: [{ rule: 'static-ip-outside-subnet', severity: 'error', range: '5:22-5:29', message: ['not an IPv4 address'] }],
  },
  {
    name: 'an address Go does not parse (a leading zero, a short form): not an IPv4 address, as the daemon reads it',
    rule: 'static-ip-outside-subnet',
    yaml: staticIp('010.10.0.5', 'lan', '    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n'),
    expect: [{ rule: 'static-ip-outside-subnet', severity: 'error', range: '5:22-5:32', message: ['`010.10.0.5` is not an IPv4 address'] }],
  },
  {
    name: 'near misses: inside the second of two subnets; no subnet at all (the other rule)',
    rule: 'static-ip-outside-subnet',
    yaml: `${WIN}    networks:\n      lan:\n        ipv4_address: 10.20.0.5\n      app:\n        ipv4_address: 172.16.0.10\nnetworks:\n  lan:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n        - subnet: 10.20.0.0/24\n  app:\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes the `ip_range` line',
    rule: 'ip-range',
    preferred: true,
    yaml: net('  app:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/16   # the LAN\n          ip_range: 10.10.5.0/24\n          gateway: 10.10.0.1\n'),
    expected: net('  app:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/16   # the LAN\n          gateway: 10.10.0.1\n'),
  },
  {
    name: 'removes `aux_addresses` with its nested lines',
    rule: 'aux-addresses',
    preferred: true,
    yaml: net('  lan:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n          aux_addresses:\n            router: 10.10.0.2\n            printer: 10.10.0.3\n          gateway: 10.10.0.1\n'),
    expected: net('  lan:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n          gateway: 10.10.0.1\n'),
  },
  {
    name: 'removes `internal: true`, never by --fix: it publishes the ports again',
    rule: 'internal-network',
    preferred: false,
    yaml: net('  backend:\n    internal: true\n'),
    expected: net('  backend:\n'),
  },
  {
    name: 'removes `ipam.options` with its entries',
    rule: 'ipam-options',
    preferred: true,
    yaml: net('  app:\n    ipam:\n      options:\n        foo: bar\n      config:\n        - subnet: 10.1.0.0/24\n'),
    expected: net('  app:\n    ipam:\n      config:\n        - subnet: 10.1.0.0/24\n'),
  },
  {
    name: 'replaces the IPAM driver with `default`',
    rule: 'ipam-driver',
    preferred: true,
    yaml: net('  app:\n    ipam:\n      driver: "dhcp" # from the Linux file\n'),
    expected: net('  app:\n    ipam:\n      driver: "default" # from the Linux file\n'),
  },
];

describeTheme('ipam', cases, fixes);

describe('ipam rules: fixes that are not offered', () => {
  it('no removal when the pair is the first key of a list entry (the entry would lose its `-`)', () => {
    const [finding] = check(net('  app:\n    ipam:\n      config:\n        - ip_range: 10.10.5.0/24\n          subnet: 10.10.0.0/16\n')).filter((f) => f.rule === 'ip-range');
    assert.equal(finding.range.start.line, 7);
    assert.deepEqual(finding.fixes, []);
  });
  it('no removal of a pair that declares an anchor (its aliases would dangle)', () => {
    const text = net('  lan:\n    ipam:\n      options: &opts\n        foo: bar\n  other:\n    ipam:\n      options: *opts\n');
    const findings = check(text).filter((f) => f.rule === 'ipam-options');
    assert.equal(findings.length, 2);
    assert.deepEqual(findings[0].fixes, []);
    assert.equal(findings[1].fixes.length, 1, 'the alias itself can go');
  });
  it('no removal when the lines to remove hold a comment', () => {
    const [finding] = check(net('  backend:\n    internal: true # keep out\n')).filter((f) => f.rule === 'internal-network');
    assert.deepEqual(finding.fixes, []);
  });
  it('no removal inside a flow mapping', () => {
    const [finding] = check(net('  backend: {internal: true}\n')).filter((f) => f.rule === 'internal-network');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.fixes, []);
  });
  it('the outside-subnet finding points at each subnet it was checked against', () => {
    const [finding] = check(staticIp('10.20.0.5', 'lan', '    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n')).filter((f) => f.rule === 'static-ip-outside-subnet');
    assert.deepEqual(finding.related.filter((r) => r.message.startsWith('subnet')).map((r) => [r.message, r.range && `${r.range.start.line}:${r.range.start.character}`]), [['subnet 10.10.0.0/24', '10:18']]);
  });
});

