/**
 * Variables in values (compose/interpolation.ts). Compose substitutes `$VAR` and `${VAR...}` from an environment
 * winnet cannot see, so a value with a variable in it is unknown: a rule that judges the value stays silent,
 * where it would otherwise call `isolation: ${ISOLATION}` invalid (the Sitecore examples write every isolation
 * that way). A rule that judges that a key is written, or a part of a value written literally, still reports.
 */
import { describe, it } from 'node:test';
import { assertCase, WIN, type RuleCase } from '../../testing/rule-tests';

const NAT_NET = 'networks:\n  app:\n    driver: nat\n';

const silent: RuleCase[] = [
  { name: '`isolation: ${ISOLATION}`', rule: 'isolation-value', yaml: `${WIN}    isolation: \${ISOLATION}\n`, expect: [] },
  { name: '`isolation: $ISOLATION`', rule: 'isolation-value', yaml: `${WIN}    isolation: $ISOLATION\n`, expect: [] },
  {
    name: 'a default that would fail is still only a default: `${ISOLATION:-hyper-v}`',
    rule: 'isolation-value',
    yaml: `${WIN}    isolation: \${ISOLATION:-hyper-v}\n`,
    expect: [],
  },
  {
    name: 'host IP from a variable, with a default after `:-`',
    rule: ['port-host-ip', 'port-protocol', 'port-range'],
    yaml: `${WIN}    ports:\n      - "\${BIND_IP:-127.0.0.1}:8080:80"\n`,
    expect: [],
  },
  {
    name: 'host port and protocol from variables',
    rule: ['port-host-ip', 'port-protocol', 'port-range'],
    yaml: `${WIN}    ports:\n      - "\${HOST_PORT}:80/\${PROTO}"\n`,
    expect: [],
  },
  { name: 'a host-port range whose start is a variable', rule: 'port-range', yaml: `${WIN}    ports:\n      - "\${LOW}-8010:80"\n`, expect: [] },
  {
    name: 'long syntax: `host_ip` and `protocol` from variables',
    rule: ['port-host-ip', 'port-protocol'],
    yaml: `${WIN}    ports:\n      - target: 443\n        published: \${TLS_PORT}\n        host_ip: \${TLS_IP}\n        protocol: \${TLS_PROTO}\n`,
    expect: [],
  },
  {
    name: 'a static address from a variable',
    rule: 'static-ip-outside-subnet',
    yaml: `${WIN}    networks:\n      app:\n        ipv4_address: \${API_IP}\nnetworks:\n  app:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n`,
    expect: [],
  },
  {
    name: 'a subnet from a variable: the network has a subnet, which one is unknown',
    rule: ['static-ip-outside-subnet', 'static-ip-without-subnet'],
    yaml: `${WIN}    networks:\n      app:\n        ipv4_address: 10.20.0.5\nnetworks:\n  app:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n        - subnet: \${EXTRA_SUBNET}\n`,
    expect: [],
  },
  {
    name: 'an IPv6-looking default in a gateway variable',
    rule: 'ipv6-subnet',
    yaml: `${WIN}networks:\n  app:\n    ipam:\n      config:\n        - subnet: \${SUBNET:-fd00::/64}\n          gateway: \${GW:-fd00::1}\n`,
    expect: [],
  },
  { name: '`ipam.driver` from a variable', rule: 'ipam-driver', yaml: `${WIN}networks:\n  app:\n    ipam:\n      driver: \${IPAM_DRIVER}\n`, expect: [] },
  {
    name: '`vlanid` from a variable',
    rule: 'windowsshim-invalid-value',
    yaml: `${WIN}networks:\n  app:\n    driver: transparent\n    driver_opts:\n      com.docker.network.windowsshim.vlanid: \${VLAN}\n`,
    expect: [],
  },
  {
    name: 'VXLAN IDs from a variable',
    rule: 'overlay-vni',
    yaml: `${WIN}networks:\n  app:\n    driver: overlay\n    driver_opts:\n      com.docker.network.driver.overlay.vxlanid_list: \${VNI:-100}\n`,
    expect: [],
  },
  {
    name: '`enable_outboundnat` from a variable',
    rule: 'outboundnat-exceptions-without-enable',
    yaml: `${WIN}networks:\n  app:\n    driver: l2bridge\n    driver_opts:\n      com.docker.network.windowsshim.enable_outboundnat: \${OUTBOUND_NAT}\n      com.docker.network.windowsshim.outboundnat_exceptions: 10.0.0.0/8\n`,
    expect: [],
  },
  {
    name: 'a driver from a variable: options that depend on the driver are not judged',
    rule: ['windowsshim-wrong-driver', 'linux-driver', 'ip-range', 'aux-addresses', 'ipam-driver', 'static-ip-without-subnet'],
    yaml: [
      `${WIN}    networks:\n      app:\n        ipv4_address: 10.10.0.5\n`,
      'networks:\n  app:\n    driver: ${NET_DRIVER:-transparent}\n    driver_opts:\n      com.docker.network.windowsshim.interface: Ethernet\n',
      '    ipam:\n      driver: custom\n      config:\n        - ip_range: 10.10.0.0/28\n          aux_addresses:\n            router: 10.10.0.1\n',
    ].join(''),
    expect: [],
  },
  {
    name: '`endpoint_mode` from a variable',
    rule: 'routing-mesh-ltsc2016',
    options: { windowsVersion: 'ltsc2016' },
    yaml: `${WIN}    deploy:\n      endpoint_mode: \${ENDPOINT_MODE}\n    ports:\n      - target: 80\n        published: 8080\n        mode: \${PORT_MODE}\n`,
    expect: [],
  },
];

const reported: RuleCase[] = [
  {
    name: '`$$` is a literal dollar: `$${ISOLATION}` is the text `${ISOLATION}`, which fails',
    rule: 'isolation-value',
    yaml: `${WIN}    isolation: $\${ISOLATION}\n`,
    expect: [{ rule: 'isolation-value', severity: 'error', range: '3:15-3:28' }],
  },
  {
    name: 'a host IP written literally beside a variable port',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "127.0.0.1:\${HOST_PORT}:80"\n`,
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '4:9-4:18', message: ['`127.0.0.1`'] }],
  },
  {
    name: 'a protocol written literally after a variable port',
    rule: 'port-protocol',
    yaml: `${WIN}    ports:\n      - "\${HOST_PORT}:80/sctp"\n`,
    expect: [{ rule: 'port-protocol', severity: 'error', range: '4:25-4:29', message: ['`sctp`'] }],
  },
  {
    name: 'a host-port range written literally after a variable host IP',
    rule: 'port-range',
    yaml: `${WIN}    ports:\n      - "\${BIND_IP}:8000-8010:80"\n`,
    expect: [{ rule: 'port-range', severity: 'error', range: '4:20-4:29' }],
  },
  {
    name: 'keys that fail whatever their value: `extra_hosts` and `ipv6_address`',
    rule: ['extra-hosts', 'ipv6-address'],
    yaml: `${WIN}    extra_hosts:\n      - "db:\${DB_IP}"\n    networks:\n      app:\n        ipv6_address: \${API_IP6}\n${NAT_NET}`,
    expect: [
      { rule: 'extra-hosts', severity: 'warning', range: '3:4-3:15' },
      { rule: 'ipv6-address', severity: 'error', range: '7:8-7:32' },
    ],
  },
  {
    name: 'a static address from a variable on a nat network without a subnet: no address fits every host',
    rule: 'static-ip-without-subnet',
    yaml: `${WIN}    networks:\n      app:\n        ipv4_address: \${API_IP}\n${NAT_NET}`,
    expect: [{ rule: 'static-ip-without-subnet', severity: 'warning', range: '5:22-5:31' }],
  },
  {
    name: 'a literal driver still decides: `ip_range` on a nat network',
    rule: 'ip-range',
    yaml: `${WIN}${NAT_NET}    ipam:\n      config:\n        - subnet: \${SUBNET}\n          ip_range: 10.10.0.0/28\n`,
    expect: [{ rule: 'ip-range', severity: 'error', range: '9:10-9:32' }],
  },
];

describe('values with compose variables', () => {
  describe('a rule that judges the value stays silent', () => {
    for (const c of silent) it(`${[c.rule].flat().join(', ')}: ${c.name}`, () => assertCase(c));
  });
  describe('what is written literally, or fails whatever the value, is still reported', () => {
    for (const c of reported) it(`${[c.rule].flat().join(', ')}: ${c.name}`, () => assertCase(c));
  });
});
