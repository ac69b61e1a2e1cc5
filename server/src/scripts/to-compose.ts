/**
 * Docker commands as the compose tree the rules already read: `docker network create` becomes a network under
 * `networks:`, `docker run` / `docker create` / `docker service create` a service under `services:`, `docker network
 * connect` one more attachment of the container it names. Every scalar is located at the flag value it came from,
 * and every key at its flag, so a rule's finding lands on the command line, and the rules need not know where a
 * network came from. Networks a container joins that the file did not create are existing networks
 * (`external: true`), as compose would need them; a container that names no network is left with compose's
 * implicit `default` network, which stands for the daemon's default (`nat` on Windows).
 */
import type { Span } from '../documents/text';
import type { MapNode, Node, Pair, ScalarNode, ScalarValue, SeqNode } from '../documents/tree';
import { type DockerCommand, type FlagUse, type Piece, splitKeyValue } from './docker-cli';

/** `docker run --network` values that are a mode, not a network (moby runconfig: host, none, container:, bridge, default). */
const MODES = /^(host|none|bridge|default|container:.+|service:.+)$/i;

class MapBuilder {
  readonly pairs: Pair[] = [];
  constructor(readonly span: Span) {}
  set(key: ScalarNode, value: Node): void {
    this.pairs.push({ key, value });
  }
  get(name: string): Node | undefined {
    return this.pairs.find((p) => p.key.value === name)?.value;
  }
  build(): MapNode {
    return { kind: 'map', pairs: this.pairs, flow: false, merges: false, start: this.span.start, end: this.span.end, fullStart: this.span.start };
  }
}

/** The last element that matches (Array.prototype.findLast is ES2023; the extension host's lib is ES2022). */
function findLast<T>(list: readonly T[], test: (item: T) => unknown): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return list[i];
  return undefined;
}

function scalar(value: ScalarValue, span: Span, text: string, written?: string): ScalarNode {
  // The style tells rules whether the value is written as-is at its span (rules/compose/support/helpers.ts spanWithin).
  const raw = text.slice(span.start, span.end);
  const style = written === undefined || raw === written ? 'plain' : 'double';
  return { kind: 'scalar', value, style, start: span.start, end: span.end, fullStart: span.start };
}

/** A piece's value as a compose value: a part the shell substitutes makes it a variable, which rules take as unknown. */
function composeValue(p: Piece): string {
  if (p.literal) return p.value;
  if (/\$(\{|\w)/.test(p.value)) return p.value;
  return `\${SHELL_VALUE}`;
}

function pieceScalar(p: Piece, text: string): ScalarNode {
  const value = composeValue(p);
  return scalar(value, p.span, text, value);
}

/**
 * Where a key that no flag writes (`services`, `networks`, `ipam`, `deploy`) is: an empty span at the command's
 * start, so a finding on it lands on the command and a cursor on the command's words finds the flag under it.
 */
function at(offset: number): Span {
  return { start: offset, end: offset };
}

function key(name: string, span: Span): ScalarNode {
  return { kind: 'scalar', value: name, style: 'plain', start: span.start, end: span.end, fullStart: span.start };
}

function seq(items: Node[], span: Span): SeqNode {
  return { kind: 'seq', items, flow: false, start: span.start, end: span.end, fullStart: span.start };
}

function mapOf(span: Span, entries: [ScalarNode, Node][]): MapNode {
  const m = new MapBuilder(span);
  for (const [k, v] of entries) m.set(k, v);
  return m.build();
}

function spanOf(command: DockerCommand): Span {
  return command.line.span;
}

function headSpan(command: DockerCommand): Span {
  const head = command.head;
  return { start: head[0].span.start, end: head[head.length - 1].span.end };
}

interface ServiceDraft {
  name: string;
  keySpan: Span;
  map: MapBuilder;
  networks?: MapBuilder;
}

export interface ScriptModelTree {
  root: MapNode;
  /** Services by the container name a later `docker network connect` uses. */
  services: number;
  networks: number;
}

/** The compose tree of the docker commands of one file, in file order; undefined when it has none. */
export function composeTreeOf(commands: readonly DockerCommand[], text: string): ScriptModelTree | undefined {
  if (!commands.length) return undefined;
  const whole: Span = { start: commands[0].line.span.start, end: commands[commands.length - 1].line.span.end };
  const networks = new MapBuilder(whole);
  const created = new Set<string>();
  const referenced = new Map<string, Span>();
  const services: ServiceDraft[] = [];
  let unnamed = 0;

  const flagsOf = (c: DockerCommand, name: string) => c.flags.filter((f) => f.name === name);
  const lastValue = (c: DockerCommand, name: string) => findLast(flagsOf(c, name), (f) => f.value)?.value;

  for (const c of commands) {
    if (c.kind === 'compose') continue; // names compose files to check, creates nothing here
    if (c.kind === 'network-create') {
      // docker/cli takes exactly one name (cobra.ExactArgs(1)); with more (an unquoted list, a stray word) the
      // command fails before it reaches the daemon, and which word was meant as the name is anyone's guess.
      const name = c.args.length === 1 ? c.args[0] : undefined;
      if (!name) continue;
      created.add(name.value);
      networks.set(pieceScalar(name, text), networkDefinition(c, text));
      continue;
    }
    if (c.kind === 'network-connect') {
      const [net, container] = c.args;
      const target = container && services.find((s) => s.name === container.value);
      if (!net || !target) continue;
      target.networks ??= attachNetworks(target);
      target.networks.set(pieceScalar(net, text), attachmentSettings(c, text, { ip: 'ip', ip6: 'ip6', alias: 'alias' }));
      if (!MODES.test(net.value)) referenced.set(net.value, referenced.get(net.value) ?? net.span);
      continue;
    }
    // run / create / service create: a service.
    const name = lastValue(c, 'name');
    const image = c.args[0];
    const draft: ServiceDraft = {
      name: name?.value ?? `${c.kind === 'service-create' ? 'service' : 'container'}-${++unnamed}`,
      keySpan: name?.span ?? headSpan(c),
      map: new MapBuilder(spanOf(c)),
    };
    services.push(draft);
    if (image) draft.map.set(key('image', image.span), pieceScalar(image, text));
    serviceNetworks(c, draft, text, referenced);
    serviceSettings(c, draft, text);
  }

  // Networks the commands join but did not create: existing ones, as `external` in compose.
  for (const [name, span] of referenced) {
    if (created.has(name)) continue;
    networks.set(
      key(name, span),
      mapOf(span, [
        [key('external', span), scalar(true, span, text)],
        [key('name', span), scalar(name, span, text)],
      ]),
    );
  }
  const servicesMap = new MapBuilder(whole);
  for (const s of services) {
    if (s.networks) s.map.set(key('networks', at(s.map.span.start)), s.networks.build());
    servicesMap.set(key(s.name, s.keySpan), s.map.build());
  }
  const top = new MapBuilder({ start: 0, end: text.length });
  if (services.length) top.set(key('services', at(whole.start)), servicesMap.build());
  if (networks.pairs.length) top.set(key('networks', at(whole.start)), networks.build());
  return { root: top.build(), services: services.length, networks: networks.pairs.length };
}

function attachNetworks(draft: ServiceDraft): MapBuilder {
  return new MapBuilder(draft.map.span);
}

/** `docker network create`'s flags as a compose network definition. */
function networkDefinition(c: DockerCommand, text: string): MapNode {
  const m = new MapBuilder(spanOf(c));
  const flag = (name: string) => c.flags.filter((f) => f.name === name);
  const driver = findLast(flag('driver'), (f) => f.value);
  if (driver?.value) m.set(key('driver', driver.flag.span), pieceScalar(driver.value, text));
  const opts = keyValues(flag('opt'), text);
  if (opts) m.set(key('driver_opts', flag('opt')[0].flag.span), opts);
  const labels = keyValues(flag('label'), text);
  if (labels) m.set(key('labels', flag('label')[0].flag.span), labels);
  for (const [cli, compose] of [
    ['ipv6', 'enable_ipv6'],
    ['ipv4', 'enable_ipv4'],
    ['internal', 'internal'],
    ['attachable', 'attachable'],
  ] as const) {
    const use = flag(cli).at(-1);
    if (use) m.set(key(compose, use.flag.span), scalar(use.on !== false, use.flag.span, text));
  }
  const ipam = new MapBuilder(spanOf(c));
  const ipamDriver = findLast(flag('ipam-driver'), (f) => f.value);
  if (ipamDriver?.value) ipam.set(key('driver', ipamDriver.flag.span), pieceScalar(ipamDriver.value, text));
  const ipamOpts = keyValues(flag('ipam-opt'), text);
  if (ipamOpts) ipam.set(key('options', flag('ipam-opt')[0].flag.span), ipamOpts);
  const config = ipamConfig(c, text);
  if (config) ipam.set(key('config', at(c.line.span.start)), config);
  if (ipam.pairs.length) m.set(key('ipam', at(c.line.span.start)), ipam.build());
  return m.build();
}

/**
 * `--subnet`, `--gateway`, `--ip-range`, `--aux-address` as compose's `ipam.config`, one entry per subnet. docker/cli
 * (network/create.go consolidateIpam) gives each gateway, range and aux address to the subnet that contains it; here
 * they go to the subnets in the order written, which is how the reference writes them.
 */
function ipamConfig(c: DockerCommand, text: string): SeqNode | undefined {
  const subnets = c.flags.filter((f) => f.name === 'subnet' && f.value);
  if (!subnets.length) return undefined;
  const gateways = c.flags.filter((f) => f.name === 'gateway' && f.value);
  const ranges = c.flags.filter((f) => f.name === 'ip-range' && f.value);
  const aux = c.flags.filter((f) => f.name === 'aux-address' && f.value);
  const entries = subnets.map((s, i) => {
    const m = new MapBuilder(s.value!.span);
    m.set(key('subnet', s.flag.span), pieceScalar(s.value!, text));
    const gateway = gateways[i];
    if (gateway?.value) m.set(key('gateway', gateway.flag.span), pieceScalar(gateway.value, text));
    const range = ranges[i];
    if (range?.value) m.set(key('ip_range', range.flag.span), pieceScalar(range.value, text));
    if (i === 0) {
      const auxMap = keyValues(aux, text);
      if (auxMap) m.set(key('aux_addresses', aux[0].flag.span), auxMap);
    }
    return m.build();
  });
  return seq(entries, { start: subnets[0].flag.span.start, end: subnets[subnets.length - 1].value!.span.end });
}

/** Repeated `-o key=value` flags as a mapping, each key and value at its text. */
function keyValues(uses: FlagUse[], text: string): MapNode | undefined {
  const withValues = uses.filter((u) => u.value);
  if (!withValues.length) return undefined;
  const m = new MapBuilder({ start: withValues[0].flag.span.start, end: withValues[withValues.length - 1].value!.span.end });
  for (const use of withValues) {
    const { key: k, value } = splitKeyValue(use.value!);
    m.set(
      scalar(composeValue(k), k.span, text, composeValue(k)),
      value ? pieceScalar(value, text) : scalar('', { start: k.span.end, end: k.span.end }, text, ''),
    );
  }
  return m.build();
}

/** `--network` (short or `name=...,ip=...` long syntax), `--ip`, `--ip6`, `--network-alias`, as `networks:` or `network_mode`. */
function serviceNetworks(c: DockerCommand, draft: ServiceDraft, text: string, referenced: Map<string, Span>): void {
  const uses = c.flags.filter((f) => f.name === 'network' && f.value);
  // No --network: the container joins the daemon's default network (`nat` on Windows, `bridge` on Linux), which
  // compose's implicit `default` network stands for; naming `nat` here would make every script look like Windows.
  // Its `--ip`, `--ip6` and aliases apply there: compose's `default` network.
  if (!uses.length) {
    const settings = attachmentSettings(c, text, { ip: 'ip', ip6: 'ip6', alias: 'network-alias' });
    if (settings.kind !== 'map') return;
    draft.networks = attachNetworks(draft);
    draft.networks.set(key('default', headSpan(c)), settings);
    return;
  }
  for (const [index, use] of uses.entries()) {
    const value = use.value!;
    if (c.kind === 'run' && MODES.test(value.value) && uses.length === 1) {
      draft.map.set(key('network_mode', use.flag.span), pieceScalar(value, text));
      return;
    }
    const long = longSyntax(value);
    const name = long?.get('name') ?? value;
    draft.networks ??= attachNetworks(draft);
    // The first network gets `--ip`, `--ip6` and the aliases (docker/cli: they apply to the first --network).
    const settings = index === 0 ? attachmentSettings(c, text, { ip: 'ip', ip6: 'ip6', alias: 'network-alias' }, undefined, long) : longSettings(long, text);
    draft.networks.set(pieceScalar(name, text), settings);
    referenced.set(name.value, referenced.get(name.value) ?? name.span);
  }
}

/** `name=front,ip=10.0.0.5,alias=web` (docker run --network's long form, Engine 25+), as pieces by key. */
function longSyntax(p: Piece): Map<string, Piece> | undefined {
  if (!p.value.includes('=')) return undefined;
  const out = new Map<string, Piece>();
  let at = 0;
  for (const part of p.value.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      const from = p.from + at + eq + 1;
      const to = p.from + at + part.length;
      const word = p.word;
      out.set(part.slice(0, eq), {
        value: part.slice(eq + 1),
        span: { start: word.offsets[from] ?? p.span.start, end: word.offsets[to] ?? p.span.end },
        literal: p.literal,
        word,
        from,
      });
    }
    at += part.length + 1;
  }
  return out;
}

function longSettings(long: Map<string, Piece> | undefined, text: string): Node {
  const entries: [ScalarNode, Node][] = [];
  const ip = long?.get('ip');
  if (ip) entries.push([key('ipv4_address', ip.span), pieceScalar(ip, text)]);
  const ip6 = long?.get('ip6');
  if (ip6) entries.push([key('ipv6_address', ip6.span), pieceScalar(ip6, text)]);
  const alias = long?.get('alias');
  if (alias) entries.push([key('aliases', alias.span), seq([pieceScalar(alias, text)], alias.span)]);
  const mac = long?.get('mac-address');
  if (mac) entries.push([key('mac_address', mac.span), pieceScalar(mac, text)]);
  if (!entries.length) return { kind: 'scalar', value: null, style: 'empty', start: 0, end: 0, fullStart: 0 };
  return mapOf({ start: entries[0][0].start, end: entries[entries.length - 1][1].end }, entries);
}

/** The first network's settings: `--ip`, `--ip6` and aliases (flags of run, or of network connect). */
function attachmentSettings(c: DockerCommand, text: string, names: { ip: string; ip6: string; alias: string }, at?: Span, long?: Map<string, Piece>): Node {
  const entries: [ScalarNode, Node][] = [];
  const last = (name: string) => findLast(c.flags, (f) => f.name === name && f.value);
  const ip = last(names.ip);
  if (ip?.value) entries.push([key('ipv4_address', ip.flag.span), pieceScalar(ip.value, text)]);
  const ip6 = last(names.ip6);
  if (ip6?.value) entries.push([key('ipv6_address', ip6.flag.span), pieceScalar(ip6.value, text)]);
  const aliases = c.flags.filter((f) => f.name === names.alias && f.value);
  if (aliases.length)
    entries.push([
      key('aliases', aliases[0].flag.span),
      seq(
        aliases.map((a) => pieceScalar(a.value!, text)),
        aliases[0].value!.span,
      ),
    ]);
  const longSettingsNode = longSettings(long, text);
  if (longSettingsNode.kind === 'map') entries.push(...longSettingsNode.pairs.map((p) => [p.key, p.value] as [ScalarNode, Node]));
  if (!entries.length) {
    const span = at ?? headSpan(c);
    return { kind: 'scalar', value: null, style: 'empty', start: span.end, end: span.end, fullStart: span.end };
  }
  return mapOf({ start: entries[0][0].start, end: entries[entries.length - 1][1].end }, entries);
}

/** The other networking flags of a container or service, under their compose keys. */
function serviceSettings(c: DockerCommand, draft: ServiceDraft, text: string): void {
  const lists: [string, string][] = [
    ['publish', 'ports'],
    ['dns', 'dns'],
    ['dns-option', 'dns_opt'],
    ['dns-search', 'dns_search'],
    ['add-host', 'extra_hosts'],
    ['link', 'links'],
    ['cap-add', 'cap_add'],
    ['sysctl', 'sysctls'],
    ['expose', 'expose'],
  ];
  for (const [cli, compose] of lists) {
    const uses = c.flags.filter((f) => f.name === cli && f.value);
    if (!uses.length) continue;
    const items = uses.map((u) => (cli === 'publish' && c.kind === 'service-create' ? publishLong(u.value!, text) : pieceScalar(u.value!, text)));
    draft.map.set(key(compose, uses[0].flag.span), seq(items, { start: uses[0].flag.span.start, end: uses[uses.length - 1].value!.span.end }));
  }
  const singles: [string, string][] = [
    ['isolation', 'isolation'],
    ['mac-address', 'mac_address'],
    ['hostname', 'hostname'],
    ['domainname', 'domainname'],
  ];
  for (const [cli, compose] of singles) {
    const use = findLast(c.flags, (f) => f.name === cli && f.value);
    if (use?.value) draft.map.set(key(compose, use.flag.span), pieceScalar(use.value, text));
  }
  const privileged = findLast(c.flags, (f) => f.name === 'privileged');
  if (privileged) draft.map.set(key('privileged', privileged.flag.span), scalar(privileged.on !== false, privileged.flag.span, text));
  if (c.kind === 'service-create') {
    const deploy: [ScalarNode, Node][] = [];
    for (const [cli, compose] of [
      ['endpoint-mode', 'endpoint_mode'],
      ['mode', 'mode'],
      ['replicas', 'replicas'],
    ] as const) {
      const use = findLast(c.flags, (f) => f.name === cli && f.value);
      if (use?.value) deploy.push([key(compose, use.flag.span), pieceScalar(use.value, text)]);
    }
    // `deploy:` marks the file a swarm stack for the rules (compose/swarm.ts), as a service create is.
    draft.map.set(key('deploy', at(c.line.span.start)), mapOf(headSpan(c), deploy));
  }
}

/** `docker service create --publish published=80,target=80,mode=host` as compose's long port syntax; `80:80` as is. */
function publishLong(p: Piece, text: string): Node {
  const long = longSyntax(p);
  if (!long) return pieceScalar(p, text);
  const entries: [ScalarNode, Node][] = [];
  for (const [cli, compose] of [
    ['published', 'published'],
    ['target', 'target'],
    ['mode', 'mode'],
    ['protocol', 'protocol'],
  ] as const) {
    const v = long.get(cli);
    if (v) entries.push([key(compose, v.span), pieceScalar(v, text)]);
  }
  return mapOf(p.span, entries);
}
