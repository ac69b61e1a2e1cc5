/**
 * fast-check generators for the fuzzing: valid compose YAML and HNS/HCN/CNI JSON built from a vocabulary of the
 * things winnet reads (drivers, windowsshim options, IPAM, ports, isolation, ...), written in many styles (block
 * and flow, plain and quoted, comments, anchors and merge keys, tags, CRLF, BOM, tabs in JSON), and mutations
 * (bytes, tokens, lines) of any text. Style choices come from a seeded PRNG carried in the generated value, so a
 * failing case is reproducible from fast-check's seed and path alone.
 */
import fc from 'fast-check';

// ---------------------------------------------------------------------------------------------- vocabulary

const WINDOWS_IMAGES = [
  'mcr.microsoft.com/windows/nanoserver:ltsc2022',
  'mcr.microsoft.com/windows/servercore:ltsc2019',
  'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022',
  'mcr.microsoft.com/dotnet/framework/aspnet:4.8',
  'mcr.microsoft.com/windows:ltsc2025',
  'example/app:1.0-windowsservercore',
];
const LINUX_IMAGES = ['nginx:alpine', 'redis', 'postgres:16', 'ubuntu:24.04', 'example/app:latest'];
const DRIVERS = [
  'nat',
  'transparent',
  'l2bridge',
  'l2tunnel',
  'overlay',
  'ics',
  'internal',
  'private',
  'null',
  'bridge',
  'host',
  'macvlan',
  'ipvlan',
  'none',
  'weird-driver',
  '',
];
const W = 'com.docker.network.windowsshim.';
const DRIVER_OPT_KEYS = [
  `${W}networkname`,
  `${W}interface`,
  `${W}vlanid`,
  `${W}vsid`,
  `${W}dnssuffix`,
  `${W}dnsservers`,
  `${W}macpool`,
  `${W}disable_gatewaydns`,
  `${W}enable_outboundnat`,
  `${W}outboundnat_exceptions`,
  `${W}sourcemac`,
  `${W}routingdomain`,
  `${W}hnsid`,
  `${W}hnsowned`,
  `${W}disableicc`,
  `${W}disable_dns`,
  `${W}vlanId`,
  `${W}unknown_thing`,
  `${W}`,
  'com.docker.endpoint.windowsshim.qospolicies',
  'com.docker.network.driver.overlay.vxlanid_list',
  'com.docker.network.bridge.host_binding_ipv4',
  'com.docker.network.bridge.name',
  'com.docker.network.driver.mtu',
  'com.docker.network.driver.overlay.other',
  'parent',
  'encrypted',
  'foo',
];
const OPT_VALUES: unknown[] = [
  'true',
  'false',
  true,
  false,
  '11',
  11,
  0,
  -1,
  4096,
  4095,
  4294967296,
  '4097,4098',
  'eleven',
  '',
  null,
  'Ethernet 2',
  '10.10.0.10,10.10.0.11',
  '10.10.0.10,,x',
  '00-15-5D-00-00-00,00-15-5D-00-FF-FF',
  '00-15-5D',
  '10.244.0.0/16,10.96.0.0/12',
  '10.0.0.0/33',
  'corp.example',
  // biome-ignore lint/correctness/noPrecisionLoss: Infinity written as a number literal, on purpose
  1e400,
  1e20, // far past every 32-bit field
  '0x10',
  1.5,
];
const IPV4 = ['10.0.0.5', '10.10.0.50', '192.168.1.1', '172.16.0.1', '0.0.0.0', '127.0.0.1', '255.255.255.255', '10.0.0', '300.1.1.1', '10.0.0.5/24'];
const IPV6 = ['fd00::5', '::1', '::', 'fe80::1%eth0', '2001:db8::1', 'fd00:10::/64', ':::'];
const SUBNETS = [
  '10.0.0.0/24',
  '10.10.0.0/16',
  '192.168.0.0/30',
  '172.16.0.0/12',
  '10.0.0.1/24',
  '10.0.0.0/33',
  '0.0.0.0/0',
  'fd00::/64',
  'fd00:10::/48',
  'garbage',
  '',
];
const PORTS_SHORT = [
  '80',
  '8080:80',
  '127.0.0.1:8080:80',
  '0.0.0.0:80:80',
  '[::1]:80:80',
  '[::]:80:80',
  '8000-8010:8000-8010',
  '8000-8010:80',
  '80/udp',
  '5060:5060/sctp',
  '53:53/tcp',
  '1:65535',
  '0:0',
  '99999:80',
  '80:99999',
  '::80',
  ':80',
  '10.0.0.1::80',
  '80-:90',
  '-',
  '127.0.0.1:8000-8010:80/udp',
  '[fd00::1]:8080:80/tcp',
  'abc:def',
];
const ISOLATION = ['process', 'hyperv', 'default', 'HyperV', 'Process', 'bogus', ''];
const NETWORK_MODES = ['nat', 'host', 'bridge', 'none', 'default', 'service:db', 'container:abc', 'hyperv-shared', 'weird'];
const EXTRA_HOSTS = ['host.docker.internal:host-gateway', 'db:10.0.0.2', 'v6:fd00::2', 'bad', 'gw=10.0.0.1'];
const SERVICE_NAMES = ['web', 'db', 'api', 'cache', 'svc-1', 'x', '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
const NETWORK_NAMES = ['default', 'app', 'lan', 'cbr0', 'frontend', 'back-end', 'nat', 'host', '__proto__', 'constructor', 'hasOwnProperty', 'toString'];
const WORDS = [
  'a',
  'bc',
  'déjà',
  '日本',
  'emoji😀',
  'x y',
  'with: colon',
  'hash #x',
  "it's",
  'quote"d',
  'back\\slash',
  'tab\tx',
  'multi\nline',
  '-',
  '?',
  '*',
  '&',
  '!',
  '%',
  '@',
  '`',
  '~',
  'null',
  'true',
  '1e3',
  '0o17',
  '.inf',
];

// ---------------------------------------------------------------------------------------------- a small PRNG

import { prng, type Rng } from '../../../server/src/testing/prng';

export { prng, type Rng };

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const chance = (rng: Rng, p: number) => rng() < p;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------------- compose model

/** JSON-like data for the HNS generators (whatever JSON.stringify writes). */
type Value = unknown;
/** Insertion-ordered pairs, so keys like `__proto__` stay ordinary keys and duplicates can be written on purpose. */
export interface Obj {
  pairs: [string, Val][];
}
export type Val = string | number | boolean | null | Val[] | Obj;

const obj = (...pairs: [string, Val | undefined][]): Obj => ({ pairs: pairs.filter((p): p is [string, Val] => p[1] !== undefined) });
const isObj = (v: Val): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function someOf<T>(rng: Rng, list: readonly T[], max: number): T[] {
  const n = int(rng, 0, max);
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(pick(rng, list));
  return [...new Set(out)];
}

function optValue(rng: Rng): Val {
  return pick(rng, OPT_VALUES) as Val;
}

function driverOpts(rng: Rng): Obj {
  return obj(...someOf(rng, DRIVER_OPT_KEYS, 4).map((k): [string, Val] => [k, optValue(rng)]));
}

function ipam(rng: Rng): Obj {
  const configs: Val[] = [];
  for (let i = int(rng, 0, 2); i > 0; i--) {
    configs.push(
      obj(
        ['subnet', chance(rng, 0.9) ? pick(rng, SUBNETS) : undefined],
        ['ip_range', chance(rng, 0.3) ? pick(rng, SUBNETS) : undefined],
        ['gateway', chance(rng, 0.5) ? pick(rng, [...IPV4, ...IPV6]) : undefined],
        ['aux_addresses', chance(rng, 0.2) ? obj(['router', pick(rng, IPV4)], ['other', pick(rng, IPV4)]) : undefined],
      ),
    );
  }
  return obj(
    ['driver', chance(rng, 0.3) ? pick(rng, ['default', 'windows', 'null', 'custom']) : undefined],
    ['config', chance(rng, 0.9) ? configs : undefined],
    ['options', chance(rng, 0.2) ? obj(['foo', 'bar']) : undefined],
  );
}

function network(rng: Rng): Val {
  if (chance(rng, 0.1)) return null;
  const external = chance(rng, 0.15) ? (chance(rng, 0.5) ? true : obj(['name', pick(rng, NETWORK_NAMES)])) : undefined;
  return obj(
    ['driver', chance(rng, 0.8) ? pick(rng, DRIVERS) : undefined],
    ['name', chance(rng, 0.2) ? pick(rng, NETWORK_NAMES) : undefined],
    ['external', external],
    ['driver_opts', chance(rng, 0.5) ? driverOpts(rng) : undefined],
    ['ipam', chance(rng, 0.6) ? ipam(rng) : undefined],
    ['enable_ipv6', chance(rng, 0.2) ? pick(rng, [true, false, 'true']) : undefined],
    ['enable_ipv4', chance(rng, 0.1) ? pick(rng, [true, false]) : undefined],
    ['internal', chance(rng, 0.2) ? pick(rng, [true, false, 'yes']) : undefined],
    ['attachable', chance(rng, 0.1) ? true : undefined],
    ['labels', chance(rng, 0.2) ? obj(...someOf(rng, WORDS, 3).map((w): [string, Val] => [w, pick(rng, WORDS)])) : undefined],
  );
}

function port(rng: Rng): Val {
  if (chance(rng, 0.7)) return chance(rng, 0.2) ? int(rng, 0, 70000) : pick(rng, PORTS_SHORT);
  return obj(
    ['target', chance(rng, 0.9) ? pick(rng, [80, 443, '8080', 0, 70000, 'x']) : undefined],
    ['published', chance(rng, 0.6) ? pick(rng, [8080, '8000-8010', '80', '', 'y']) : undefined],
    ['host_ip', chance(rng, 0.4) ? pick(rng, [...IPV4, ...IPV6]) : undefined],
    ['protocol', chance(rng, 0.4) ? pick(rng, ['tcp', 'udp', 'sctp', 'TCP', 'icmp']) : undefined],
    ['mode', chance(rng, 0.3) ? pick(rng, ['host', 'ingress', 'x']) : undefined],
  );
}

function service(rng: Rng, networks: string[]): Val {
  const windows = chance(rng, 0.6);
  let nets: Val | undefined;
  if (chance(rng, 0.6) && networks.length) {
    const names = someOf(rng, networks, 3);
    nets = chance(rng, 0.5)
      ? names
      : obj(
          ...names.map((n): [string, Val] => [
            n,
            chance(rng, 0.3)
              ? null
              : obj(
                  ['ipv4_address', chance(rng, 0.5) ? pick(rng, IPV4) : undefined],
                  ['ipv6_address', chance(rng, 0.2) ? pick(rng, IPV6) : undefined],
                  ['aliases', chance(rng, 0.2) ? ['a1', 'a2'] : undefined],
                  ['driver_opts', chance(rng, 0.2) ? driverOpts(rng) : undefined],
                  ['priority', chance(rng, 0.1) ? 10 : undefined],
                ),
          ]),
        );
  }
  return obj(
    ['image', chance(rng, 0.9) ? pick(rng, windows ? WINDOWS_IMAGES : LINUX_IMAGES) : undefined],
    ['platform', chance(rng, 0.15) ? pick(rng, ['windows/amd64', 'linux/amd64', 'windows']) : undefined],
    ['isolation', chance(rng, 0.2) ? pick(rng, ISOLATION) : undefined],
    ['network_mode', chance(rng, 0.15) ? pick(rng, NETWORK_MODES) : undefined],
    ['networks', nets],
    ['ports', chance(rng, 0.5) ? Array.from({ length: int(rng, 0, 4) }, () => port(rng)) : undefined],
    ['dns_opt', chance(rng, 0.1) ? ['ndots:2', 'use-vc'] : undefined],
    ['dns', chance(rng, 0.1) ? pick(rng, ['10.0.0.10', ['8.8.8.8', 'fd00::53']]) : undefined],
    ['extra_hosts', chance(rng, 0.15) ? (chance(rng, 0.7) ? someOf(rng, EXTRA_HOSTS, 3) : obj(['db', '10.0.0.2'], ['gw', 'host-gateway'])) : undefined],
    ['links', chance(rng, 0.1) ? ['db', 'cache:c'] : undefined],
    ['mac_address', chance(rng, 0.1) ? pick(rng, ['00-15-5D-01-02-03', '02:42:ac:11:00:02']) : undefined],
    ['environment', chance(rng, 0.1) ? obj(['A', 'host.docker.internal'], ['B', 1]) : undefined],
    [
      'deploy',
      chance(rng, 0.15) ? obj(['endpoint_mode', pick(rng, ['vip', 'dnsrr'])], ['placement', obj(['constraints', ['node.platform.os == windows']])]) : undefined,
    ],
    ['extends', chance(rng, 0.05) ? obj(['service', pick(rng, SERVICE_NAMES)]) : undefined],
  );
}

/** A compose document as insertion-ordered pairs (so generated keys like `__proto__` are ordinary keys). */
export function composeModel(rng: Rng): Obj {
  const networkNames = someOf(rng, NETWORK_NAMES, 3);
  const networks = obj(...networkNames.map((n): [string, Val] => [n, network(rng)]));
  const services = obj(...someOf(rng, SERVICE_NAMES, 3).map((n): [string, Val] => [n, service(rng, networkNames)]));
  return obj(
    ['name', chance(rng, 0.1) ? 'project' : undefined],
    ['version', chance(rng, 0.1) ? pick(rng, ['3.8', '2.4', 3]) : undefined],
    ['services', services],
    ['networks', chance(rng, 0.8) ? networks : undefined],
  );
}

// ---------------------------------------------------------------------------------------------- YAML writer

export interface YamlStyle {
  indent: number;
  eol: '\n' | '\r\n';
  /** Probability of each style choice. */
  flow: number;
  quote: number;
  comment: number;
  anchor: number;
  tag: number;
  bom: boolean;
  docStart: boolean;
  finalNewline: boolean;
}

const NUMBERISH = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^0x[0-9a-fA-F]+$|^0o[0-7]+$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/;
const RESERVED = /^(true|True|TRUE|false|False|FALSE|null|Null|NULL|~|)$/;

function plainOk(s: string, flow: boolean): boolean {
  if (RESERVED.test(s) || NUMBERISH.test(s)) return false;
  if (!/^[A-Za-z0-9_./(][^\n\r\t]*$/.test(s)) return false;
  if (/: |:$| #|^-|^\?|^<<$/.test(s) || s !== s.trim()) return false;
  if (flow && /[,[\]{}]/.test(s)) return false;
  return !/["'`@%&*!|>#]/.test(s.charAt(0));
}

function scalar(v: string | number | boolean | null, rng: Rng, style: YamlStyle, flow: boolean): string {
  if (v === null) return chance(rng, 0.5) ? 'null' : '~';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? '.inf' : v < 0 ? '-.inf' : '.nan';
  const quoted = !plainOk(v, flow) || chance(rng, style.quote);
  if (!quoted) return v;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters cannot be single-quoted
  if (!/[\n\r\t\\'\u0000-\u001f]/.test(v) && chance(rng, 0.5)) return `'${v.replace(/'/g, "''")}'`;
  return JSON.stringify(v);
}

function key(k: string, rng: Rng, style: YamlStyle, flow: boolean): string {
  return scalar(k, rng, style, flow);
}

export function writeYaml(doc: Obj, seed: number, style: YamlStyle): string {
  const rng = prng(seed);
  let anchors = 0;
  const anchored: { name: string; value: Obj }[] = [];
  const comment = () => `# ${pick(rng, ['note', 'TODO: check', 'a: b', '#', 'winnet', 'déjà vu', "it's", '"q"'])}`;
  const props = (): string => {
    const parts: string[] = [];
    if (chance(rng, style.tag)) parts.push(pick(rng, ['!override', '!custom', '!!str', '!reset']));
    return parts.join(' ');
  };

  /** A flow collection, sometimes written over several lines (continuation lines indented past `indent`). */
  const flowValue = (v: Val, indent = 0): string => {
    const multiline = (Array.isArray(v) ? v.length : isObj(v) ? v.pairs.length : 0) > 0 && chance(rng, style.flow / 2);
    const inner = indent + style.indent;
    const parts = Array.isArray(v)
      ? v.map((x) => flowValue(x, inner))
      : isObj(v)
        ? v.pairs.map(([k, x]) => `${key(k, rng, style, true)}: ${flowValue(x, inner)}`)
        : undefined;
    if (!parts) return scalar(v as string | number | boolean | null, rng, style, true);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (!multiline) return `${open}${parts.join(', ')}${close}`;
    const pad = ' '.repeat(inner);
    return `${open}${style.eol}${parts.map((p) => pad + p).join(`,${style.eol}`)}${style.eol}${' '.repeat(indent + 1)}${close}`;
  };

  const lines: string[] = [];
  const push = (line: string) => lines.push(chance(rng, style.comment / 3) ? `${line} ${comment()}` : line);

  const block = (v: Val, indent: number): void => {
    const pad = ' '.repeat(indent);
    if (Array.isArray(v)) {
      for (const item of v) {
        if (chance(rng, style.comment / 4)) lines.push(`${pad}${comment()}`);
        if ((Array.isArray(item) && item.length) || (isObj(item) && item.pairs.length)) {
          if (chance(rng, style.flow)) push(`${pad}- ${flowValue(item, indent)}`);
          else if (isObj(item)) {
            const at = lines.length;
            block(item, indent + 2);
            lines[at] = `${pad}- ${lines[at].slice(indent + 2)}`;
          } else {
            lines.push(`${pad}-`);
            block(item, indent + 2);
          }
        } else push(`${pad}- ${inline(item)}`);
      }
      return;
    }
    if (isObj(v)) {
      for (const [k, x] of v.pairs) {
        if (chance(rng, style.comment / 4)) lines.push(`${pad}${comment()}`);
        const kt = key(k, rng, style, false);
        if ((Array.isArray(x) && x.length) || (isObj(x) && x.pairs.length)) {
          if (chance(rng, style.flow)) {
            push(`${pad}${kt}: ${flowValue(x, indent)}`);
            continue;
          }
          let head = `${pad}${kt}:`;
          if (isObj(x) && chance(rng, style.anchor)) {
            const name = `a${anchors++}`;
            anchored.push({ name, value: x });
            head += ` &${name}`;
          }
          const p = props();
          if (p) head += ` ${p}`;
          push(head);
          // A block sequence under a key may sit at the key's own indentation.
          block(x, Array.isArray(x) && chance(rng, 0.3) ? indent : indent + style.indent);
        } else {
          const p = props();
          push(`${pad}${kt}:${p ? ` ${p}` : ''} ${inline(x)}`.replace(/ $/, ''));
        }
      }
    }
  };
  const inline = (v: Val): string => (Array.isArray(v) || isObj(v) ? flowValue(v) : scalar(v, rng, style, false));

  if (style.docStart) lines.push('---');
  if (chance(rng, style.comment)) lines.push(comment());
  block(doc, 0);
  // Reuse an anchored mapping through a merge key in an extension field, as compose files do.
  if (anchored.length && chance(rng, 0.7)) {
    const a = pick(rng, anchored);
    lines.push(`x-merged:`);
    lines.push(`${' '.repeat(style.indent)}<<: *${a.name}`);
    lines.push(`${' '.repeat(style.indent)}extra: 1`);
  }
  let text = lines.join(style.eol);
  if (style.finalNewline) text += style.eol;
  return (style.bom ? '\uFEFF' : '') + text;
}

// ---------------------------------------------------------------------------------------------- HNS / HCN / CNI

function hnsV1(rng: Rng): Value {
  const policy = (): Value =>
    pick(rng, [
      { Type: 'OutBoundNAT', ExceptionList: ['10.244.0.0/16', '10.96.0.0/12'] },
      { Type: 'ROUTE', DestinationPrefix: '10.96.0.0/12', NeedEncap: true },
      { Type: 'VLAN', VLAN: pick(rng, [11, 0, 4096, -1, '11']) },
      { Type: 'VSID', VSID: 4096 },
      { Type: 'PA', PA: '10.0.0.4' },
      { Type: 'NAT', Protocol: 'tcp', InternalPort: 80, ExternalPort: 8080 },
      { Type: pick(rng, ['ACL', 'L2Driver', 'Unknown', '']), Action: 'Allow' },
    ]);
  return {
    Name: pick(rng, ['nat', 'cbr0', 'ext', '__proto__']),
    Type: pick(rng, ['NAT', 'Transparent', 'L2Bridge', 'L2Tunnel', 'Overlay', 'ICS', 'Private', 'Internal', 'bogus']),
    ...(chance(rng, 0.5) ? { NetworkAdapterName: 'Ethernet 2' } : {}),
    ...(chance(rng, 0.5) ? { DNSServerList: pick(rng, ['10.0.0.10,10.0.0.11', '', 'x']) } : {}),
    Subnets: Array.from({ length: int(rng, 0, 2) }, () => ({
      AddressPrefix: pick(rng, SUBNETS),
      ...(chance(rng, 0.7) ? { GatewayAddress: pick(rng, IPV4) } : {}),
      ...(chance(rng, 0.4) ? { Policies: Array.from({ length: int(rng, 0, 2) }, policy) } : {}),
    })),
    ...(chance(rng, 0.3) ? { MacPools: [{ StartMacAddress: '00-15-5D-00-00-00', EndMacAddress: '00-15-5D-00-FF-FF' }] } : {}),
    ...(chance(rng, 0.5) ? { Policies: Array.from({ length: int(rng, 0, 3) }, policy) } : {}),
    ...(chance(rng, 0.1) ? { constructor: { prototype: { polluted: true } }, ['__proto__' as string]: { polluted: true } } : {}),
  };
}

function hcnV2(rng: Rng): Value {
  const policy = (): Value =>
    pick(rng, [
      { Type: 'OutBoundNAT', Settings: { Exceptions: ['10.244.0.0/16'], VirtualIP: '10.0.0.1' } },
      { Type: 'SDNRoute', Settings: { DestinationPrefix: '10.96.0.0/12', NeedEncap: true } },
      { Type: 'PortMapping', Settings: { InternalPort: 80, ExternalPort: pick(rng, [8080, 0, 70000, '80']), Protocol: pick(rng, [6, 17, 132, 'tcp']) } },
      { Type: 'ACL', Settings: { Action: 'Allow', Direction: 'In', Priority: 100 } },
      { Type: 'VLAN', Settings: { IsolationId: pick(rng, [11, 4096, -1]) } },
      { Type: pick(rng, ['NetAdapterName', 'ProviderAddress', 'Unknown']), Settings: pick(rng, [{}, null, 'x', [1]]) },
    ]);
  return {
    SchemaVersion: { Major: pick(rng, [2, 1, 3, '2']), Minor: pick(rng, [0, 1, 16]) },
    Name: 'net',
    Type: pick(rng, ['NAT', 'L2Bridge', 'Overlay', 'Transparent', 'ICS', 'bogus']),
    Flags: pick(rng, [0, 2, 8, -1]),
    Ipams: Array.from({ length: int(rng, 0, 2) }, () => ({
      Type: pick(rng, ['Static', 'DHCP', '']),
      Subnets: Array.from({ length: int(rng, 0, 2) }, () => ({
        IpAddressPrefix: pick(rng, SUBNETS),
        Routes: chance(rng, 0.7) ? [{ NextHop: pick(rng, IPV4), DestinationPrefix: pick(rng, ['0.0.0.0/0', '::/0', 'x']) }] : [],
        ...(chance(rng, 0.3) ? { Policies: [policy()] } : {}),
      })),
    })),
    Policies: Array.from({ length: int(rng, 0, 3) }, policy),
    ...(chance(rng, 0.3) ? { Dns: { Search: ['corp'], ServerList: ['10.0.0.10'] } } : {}),
  };
}

function cni(rng: Rng): Value {
  const plugin = (): Value => ({
    type: pick(rng, ['sdnbridge', 'sdnoverlay', 'nat', 'win-bridge', 'win-overlay', 'azure-vnet', 'flannel']),
    name: 'cbr0',
    ...(chance(rng, 0.5) ? { capabilities: { portMappings: true, dns: true } } : {}),
    ...(chance(rng, 0.6) ? { ipam: { type: 'host-local', subnet: pick(rng, SUBNETS), routes: [{ dst: '0.0.0.0/0', gw: pick(rng, IPV4) }] } } : {}),
    ...(chance(rng, 0.5) ? { dns: { Nameservers: ['10.96.0.10'], Search: ['svc.cluster.local'] } } : {}),
    ...(chance(rng, 0.7)
      ? {
          AdditionalArgs: Array.from({ length: int(rng, 0, 3) }, () => ({
            Name: pick(rng, ['EndpointPolicy', 'Other']),
            Value: pick(rng, [
              { Type: 'OutBoundNAT', ExceptionList: ['10.244.0.0/16'] },
              { Type: 'OutBoundNAT', Settings: { Exceptions: ['10.244.0.0/16'] } },
              { Type: 'ROUTE', DestinationPrefix: '10.96.0.0/12', NeedEncap: true },
              { Type: 'SDNRoute', Settings: { DestinationPrefix: '10.96.0.0/12', NeedEncap: true } },
              { Type: 'PortMapping', Settings: { InternalPort: 80 } },
              'not an object',
            ]),
          })),
        }
      : {}),
  });
  return chance(rng, 0.5)
    ? { cniVersion: pick(rng, ['0.2.0', '0.3.1', '1.0.0', 1]), name: 'net', plugins: Array.from({ length: int(rng, 0, 2) }, plugin) }
    : { cniVersion: '0.2.0', ...(plugin() as object) };
}

export interface JsonStyle {
  indent: number | string;
  eol: '\n' | '\r\n';
  comments: boolean;
  trailingCommas: boolean;
  bom: boolean;
}

export function writeJson(value: Value, seed: number, style: JsonStyle): string {
  const rng = prng(seed);
  let text = JSON.stringify(value, null, style.indent);
  if (style.indent !== 0 && style.indent !== '') {
    const lines = text.split('\n').map((line) => {
      let out = line;
      if (style.comments && chance(rng, 0.1)) out += ` // ${pick(rng, ['note', 'a "quoted" one', '/* nested */', 'é'])}`;
      if (style.comments && chance(rng, 0.05)) out = `/* block */ ${out}`;
      return out;
    });
    text = lines.join(style.eol);
  }
  if (style.trailingCommas) text = text.replace(/("|\d|true|false|null|[}\]])(\s*)([}\]])/g, (m, a, ws, b) => (chance(rng, 0.3) ? `${a},${ws}${b}` : m));
  return (style.bom ? '\uFEFF' : '') + text;
}

// ---------------------------------------------------------------------------------------------- arbitraries

export interface Generated {
  path: string;
  text: string;
}

const yamlStyle: fc.Arbitrary<YamlStyle> = fc.record({
  indent: fc.constantFrom(2, 2, 4, 3, 1),
  eol: fc.constantFrom('\n' as const, '\n' as const, '\r\n' as const),
  flow: fc.constantFrom(0, 0.1, 0.3, 1),
  quote: fc.constantFrom(0, 0.2, 0.5),
  comment: fc.constantFrom(0, 0.2, 0.6),
  anchor: fc.constantFrom(0, 0.2),
  tag: fc.constantFrom(0, 0, 0.05),
  bom: fc.boolean(),
  docStart: fc.boolean(),
  finalNewline: fc.constantFrom(true, true, false),
});

const COMPOSE_PATHS = ['compose.yaml', 'docker-compose.yml', 'docker-compose.override.yml', 'compose.prod.yaml', 'stack.yml', 'app/compose.yml'];
const JSON_PATHS = ['network.json', 'hns.json', 'hcn.jsonc', 'cni.conf', '10-net.conflist', 'config.json'];

/** A valid compose document in some writing style (the model drives the rules; the style drives the parser). */
export const composeDocument: fc.Arbitrary<Generated> = fc
  .record({ model: fc.nat(), seed: fc.nat(), style: yamlStyle, path: fc.constantFrom(...COMPOSE_PATHS) })
  .map(({ model, seed, style, path }) => ({ path, text: writeYaml(composeModel(prng(model)), seed, style) }));

const jsonStyle: fc.Arbitrary<JsonStyle> = fc.record({
  indent: fc.constantFrom<number | string>(0, 2, 4, '\t'),
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  comments: fc.boolean(),
  trailingCommas: fc.boolean(),
  bom: fc.boolean(),
});

/** A valid HNS v1, HCN v2 or CNI document (JSON, sometimes with comments and trailing commas). */
export const hnsDocument: fc.Arbitrary<Generated> = fc
  .record({ kind: fc.constantFrom('v1', 'v2', 'cni', 'list'), model: fc.nat(), seed: fc.nat(), style: jsonStyle, path: fc.constantFrom(...JSON_PATHS) })
  .map(({ kind, model, seed, style, path }) => {
    const rng = prng(model);
    const value = kind === 'v1' ? hnsV1(rng) : kind === 'v2' ? hcnV2(rng) : kind === 'cni' ? cni(rng) : [hnsV1(rng), hnsV1(rng)];
    return { path, text: writeJson(value, seed, style) };
  });

// ---------------------------------------------------------------------------------------------- mutations

const CHARS = [
  ':',
  '-',
  '#',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '&',
  '*',
  '!',
  '|',
  '>',
  '?',
  '%',
  '@',
  '`',
  '\\',
  '\t',
  ' ',
  '  ',
  '\n',
  '\r',
  '\r\n',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\uDC00',
  '😀',
  'é',
  '\u2028',
  '\u0085',
  '\u00A0',
  '\u001B',
  '\x7F',
];
const TOKENS = [
  '<<: *a',
  '&a ',
  '*a',
  '*a0',
  '*undefined',
  '!reset ',
  '!override ',
  '!!str ',
  '!!int ',
  '!!binary ',
  '!!js/function ',
  '!<tag:x> ',
  '? ',
  '--- ',
  '...',
  'null',
  '~',
  '.nan',
  '.inf',
  '-.inf',
  '1e400',
  '-0',
  '0x1F',
  '0o17',
  '99999999999999999999',
  '-9223372036854775809',
  '1_000',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'services',
  'networks',
  'driver',
  'driver_opts',
  'ipam',
  'config',
  'subnet',
  'ports',
  'network_mode',
  'isolation',
  'external',
  'extends',
  'include',
  `${W}vlanid`,
  `${W}enable_outboundnat`,
  `${W}outboundnat_exceptions`,
  'com.docker.network.bridge.name',
  'nat',
  'transparent',
  'l2bridge',
  'overlay',
  'host',
  'bridge',
  'hyperv',
  'process',
  '10.0.0.0/24',
  'fd00::/64',
  '127.0.0.1:80:80',
  '8000-8010:80/udp',
  '"Type": "OutBoundNAT"',
  '"Policies": [',
  '"Settings": {',
  '"ExceptionList": [',
  '"cniVersion": "0.3.1"',
  '//',
  '/*',
  '*/',
  '\\u0000',
  '\\uD800',
  'winnet-disable-next-line',
  '# winnet-disable-file',
  ': ',
  ' #',
  '- ',
  '{}',
  '[]',
  '""',
  "''",
  '|\n',
  '>-\n',
  // compose variables (compose/interpolation.ts) and pasted spaces (documents/irregular-whitespace.ts)
  '${VAR}',
  '$VAR',
  '${VAR:-nat}',
  '${A:-${B:-127.0.0.1}}',
  '$${NOT_VAR}',
  '${UNCLOSED',
  '"${IP}:80:80"',
  '\u00A0\u00A0',
  '\u3000',
];

function mutateOnce(text: string, rng: Rng): string {
  const n = text.length;
  const at = int(rng, 0, n);
  const end = Math.min(n, at + int(rng, 0, 16));
  switch (int(rng, 0, 11)) {
    case 0: // delete a range
      return text.slice(0, at) + text.slice(end);
    case 1: // insert a special character
      return text.slice(0, at) + pick(rng, CHARS) + text.slice(at);
    case 2: // replace a character
      return text.slice(0, at) + pick(rng, CHARS) + text.slice(at + 1);
    case 3: // insert a token
      return text.slice(0, at) + pick(rng, TOKENS) + text.slice(at);
    case 4: // duplicate a range
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case 5: {
      // duplicate, delete or swap whole lines
      const lines = text.split('\n');
      const i = int(rng, 0, lines.length - 1);
      const j = int(rng, 0, lines.length - 1);
      const op = int(rng, 0, 2);
      if (op === 0) lines.splice(i, 0, lines[i]);
      else if (op === 1) lines.splice(i, 1);
      else [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 6: {
      // shift a line's indentation
      const lines = text.split('\n');
      const i = int(rng, 0, lines.length - 1);
      const d = int(rng, -4, 4);
      lines[i] = d >= 0 ? ' '.repeat(d) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-d}}`), '');
      return lines.join('\n');
    }
    case 7: // truncate
      return text.slice(0, at);
    case 8: // flip line endings of a region
      return text.slice(0, at) + text.slice(at, end + 200).replace(/\r?\n/g, pick(rng, ['\r\n', '\n', '\r'])) + text.slice(end + 200);
    case 9: {
      // replace a word with a vocabulary token
      const m = /[A-Za-z0-9_.\-/:]+/.exec(text.slice(at));
      if (!m) return text;
      const s = at + m.index;
      return text.slice(0, s) + pick(rng, TOKENS) + text.slice(s + m[0].length);
    }
    case 10: // random bytes decoded as latin-1 / lone surrogates
      return text.slice(0, at) + String.fromCharCode(...Array.from({ length: int(rng, 1, 6) }, () => int(rng, 0, 0xffff))) + text.slice(at);
    default: // wrap a range in brackets or quotes
      return text.slice(0, at) + pick(rng, ['[', '{', '"', "'"]) + text.slice(at, end) + pick(rng, [']', '}', '"', "'"]) + text.slice(end);
  }
}

/** `text` with 1 to 8 random byte, token and line mutations. */
export function mutate(text: string, seed: number, count?: number): string {
  const rng = prng(seed);
  let out = text;
  for (let i = count ?? int(rng, 1, 8); i > 0; i--) out = mutateOnce(out, rng);
  return out;
}

/** A mutation of one of `bases` (kept with the base's path, so kind detection by name still applies). */
export function mutationOf(bases: readonly Generated[]): fc.Arbitrary<Generated & { base: string; seed: number }> {
  return fc.record({ i: fc.nat({ max: Math.max(0, bases.length - 1) }), seed: fc.nat() }).map(({ i, seed }) => {
    const base = bases[i];
    return { path: base.path, base: base.path, seed, text: mutate(base.text, seed) };
  });
}

/** A generated document, then mutated: the structure is ours, the damage random. */
export const mutatedGenerated: fc.Arbitrary<Generated & { seed: number }> = fc
  .record({ doc: fc.oneof(composeDocument, hnsDocument), seed: fc.nat() })
  .map(({ doc, seed }) => ({ path: doc.path, seed, text: mutate(doc.text, seed) }));
