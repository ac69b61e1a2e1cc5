import { maskVariables } from '../../compose/interpolation';
import { isExternal, networkNamed, type ServiceModel } from '../../compose/model';
import type { ParsedDocument } from '../../documents/document';
import type { Span } from '../../documents/text';
import { asScalar, get, getPair, items, type MapNode, pairs, scalarText } from '../../documents/tree';
import { LEVEL_MARK, supportOf, WINDOWS_DRIVERS, windowsDriver } from '../../knowledge/drivers';
import { DEFAULT_WINDOWS_VERSION } from '../../knowledge/versions';
import { parseGoBool } from '../../knowledge/values';
import { driverOption } from '../../knowledge/windowsshim';
import type { Rule, RuleContext, Severity } from '../types';
import { oncePer } from '../../util/once-per';
import { optionPairs, spanWithin } from './support/helpers';

/** The windowsshim option that turns Docker DNS off on a nat network (windows.go CreateEndpoint). */
const GATEWAY_DNS = driverOption('com.docker.network.windowsshim.disable_gatewaydns');

/** The service discovery row of the driver table, as the description states it. */
const DISCOVERY = Object.values(WINDOWS_DRIVERS)
  .flatMap((driver) => {
    const support = supportOf(driver, 'serviceDiscovery', DEFAULT_WINDOWS_VERSION);
    return support ? [`\`${driver.name}\`: ${LEVEL_MARK[support.level]}. ${support.note}`] : [];
  })
  .join(' ');

/**
 * Whether a network resolves service names is the `serviceDiscovery` row of knowledge/drivers.ts (Microsoft's
 * service discovery table; moby `daemon/libnetwork/drivers/windows/windows.go` CreateEndpoint sets
 * `EnableInternalDNS` for nat endpoints only, unless `disable_gatewaydns`). Two services resolve each other's names
 * when they share at least one network that does. `domainname` only becomes part of the container's host name
 * (moby `daemon/container/container.go` FullHostname, used by `daemon/oci_windows.go`); Docker's DNS does not answer
 * `<name>.<domainname>` (docker/compose#4229, compose-spec/compose-spec#358).
 */
export const serviceNameResolutionRule: Rule = {
  meta: {
    id: 'service-name-resolution',
    title: 'Service reached by name on a network without Docker DNS',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: `Docker's embedded DNS answers service names, container names and network aliases, but on Windows only where the network gives containers Docker DNS. Service discovery by driver (the driver table): ${DISCOVERY} A service that reaches another service of the project by name (in \`links\`, or in an \`environment\` value such as \`http://api:8080\`, \`Server=db;...\` or \`DB_HOST=db\`) while the two share only networks without it gets a failed lookup: \`Ping request could not find host db. Please check the name and try again.\` So does a \`nat\` network with \`com.docker.network.windowsshim.disable_gatewaydns: "true"\`. A service that only \`depends_on\` another is told as information: start order needs no DNS, but the two usually talk. \`domainname\` is information too: on Windows it only becomes part of the container's host name, and Docker's DNS does not answer \`<service>.<domainname>\`.`,
    remedy:
      'Attach both services to a `nat` network as well, or reach the other service at a fixed address (`ipv4_address` on the shared network) passed in the environment, or use a DNS server that knows the names (`dns:`). Note that `extra_hosts` is no way out: Docker does not write the hosts file of Windows containers.',
    caveat:
      "A referenced name is found by pattern (URLs, connection-string `Server=`/`Host=`/`Data Source=` values, `host:port`, and bare names under keys such as `*_HOST` or `*_SERVER`); other references are not seen, and `env_file` contents are not read. An existing network is judged by its name (`transparent`) only as information. Your own DNS may know a container's host name (a domain-joined container can register it, though moby#38722 reports it does not always), so a name that is also the target's `hostname` is information. Which adapter's DNS servers Windows asks first when a container is on several networks is not documented; a shared `nat` network is taken to resolve the names. Users also report intermittent name resolution on `nat` (moby#38774, docker/compose#7250, docker/compose#4535); that is not reported.",
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan]\n    environment:\n      API_URL: http://api:8080\n  api:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n    networks: [lan]\nnetworks:\n  lan:\n    driver: l2bridge\n    driver_opts:\n      com.docker.network.windowsshim.enable_outboundnat: "true"\n    ipam:\n      config:\n        - subnet: 192.168.10.0/24\n          gateway: 192.168.10.1\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan, app]\n    environment:\n      API_URL: http://api:8080\n  api:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n    networks: [lan, app]\nnetworks:\n  lan:\n    driver: l2bridge\n    driver_opts:\n      com.docker.network.windowsshim.enable_outboundnat: "true"\n    ipam:\n      config:\n        - subnet: 192.168.10.0/24\n          gateway: 192.168.10.1\n  app:\n    driver: nat\n',
    },
    errors: ['Ping request could not find host db. Please check the name and try again.'],
    sources: [
      'MSD-DRV',
      'MOBY-WIN',
      'MOBY-OV-EP',
      'https://github.com/docker/compose/issues/4229',
      'https://github.com/compose-spec/compose-spec/issues/358',
      'https://github.com/moby/moby/issues/38722',
      'https://github.com/moby/moby/issues/38774',
      'https://github.com/docker/compose/issues/7250',
      'https://github.com/docker/compose/issues/4535',
    ],
  },
  check(ctx) {
    const names = nameLookup(ctx.compose.services);
    const byName = new Map(ctx.compose.services.map((s) => [s.name, s]));
    // Whether a network lacks Docker DNS, once per network name (every service asks about its networks).
    const noDns = new Map<string, boolean>();
    const lacksDns = (name: string) => noDns.get(name) ?? noDns.set(name, withoutDns(ctx, name) !== undefined).get(name)!;
    for (const service of ctx.compose.services) {
      reportDomainname(ctx, service);
      // Two services can only fail to resolve each other on a network without Docker DNS: a service on none of
      // those needs no reading of its environment.
      if (!service.attachments.some((a) => lacksDns(a.name))) continue;
      // The names a service mentions are read once per service definition (kept while an edit leaves the service
      // alone); where they are written is looked up again only for a service that gets a finding.
      const targets = new Set<ServiceModel>();
      for (const name of mentionedNames(service.node)) {
        for (const target of names(name)) if (target !== service && sharedNetworks(ctx, service, target)) targets.add(target);
      }
      const reached = new Map<ServiceModel, Reference[]>();
      if (targets.size) {
        for (const ref of references(ctx.doc, service)) {
          for (const target of names(ref.name.toLowerCase())) {
            if (!targets.has(target)) continue;
            reached.set(target, [...(reached.get(target) ?? []), ref]);
          }
        }
      }
      for (const [target, refs] of reached) reportReferences(ctx, service, target, refs);
      for (const dep of dependencies(service)) {
        const target = byName.get(dep.name);
        if (!target || target === service || reached.has(target)) continue;
        const shared = sharedNetworks(ctx, service, target);
        if (!shared) continue;
        ctx.report({
          span: dep.span,
          severity: 'information',
          message: `\`${service.name}\` depends on \`${target.name}\`, and the two share only ${describe(shared)}, where Docker's DNS does not resolve service names: start order works, but if \`${service.name}\` reaches \`${target.name}\` by name, the lookup fails. Attach both to a \`nat\` network too, or use \`${target.name}\`'s address.`,
        });
      }
    }
  },
};

/** The names (lower case) a service's `links` and `environment` mention as hosts, once per service definition. */
const mentionedNames = oncePer((node: MapNode): readonly string[] => {
  const found = new Set<string>();
  for (const item of items(get(node, 'links'))) {
    const link = asScalar(item);
    if (typeof link?.value === 'string') found.add(link.value.split(':')[0].toLowerCase());
  }
  const env = get(node, 'environment');
  for (const item of items(env)) {
    const entry = asScalar(item);
    const eq = typeof entry?.value === 'string' ? entry.value.indexOf('=') : -1;
    if (eq > 0) for (const host of hostsIn(entry!.value!.toString().slice(0, eq), entry!.value!.toString().slice(eq + 1))) found.add(host.host.toLowerCase());
  }
  for (const pair of pairs(env)) {
    const value = asScalar(pair.value);
    if (typeof value?.value === 'string') for (const host of hostsIn(String(pair.key.value), value.value)) found.add(host.host.toLowerCase());
  }
  return [...found];
});

/**
 * The services Docker's DNS would answer a (lower-case) name with: a service name, a `container_name`, a network
 * alias. The other names are indexed on the first lookup, so a file where no service reaches another by name pays
 * nothing for them.
 */
function nameLookup(services: readonly ServiceModel[]): (name: string) => readonly ServiceModel[] {
  const byName = new Map<string, ServiceModel[]>();
  for (const service of services) if (!service.name.includes('$')) add(byName, service.name.toLowerCase(), service);
  let others: Map<string, ServiceModel[]> | undefined;
  return (name) => {
    if (!others) {
      others = new Map();
      for (const service of services) for (const other of otherNames(service.node)) add(others, other, service);
    }
    const direct = byName.get(name) ?? [];
    const more = others.get(name) ?? [];
    return more.length ? [...new Set([...direct, ...more])] : direct;
  };
}

function add(index: Map<string, ServiceModel[]>, key: string, service: ServiceModel): void {
  const list = index.get(key);
  if (!list) index.set(key, [service]);
  else if (!list.includes(service)) list.push(service);
}

/** A service's `container_name` and network aliases (lower case), once per service definition. */
const otherNames = oncePer((node: MapNode): readonly string[] => {
  const names = [scalarText(get(node, 'container_name'))];
  const networks = get(node, 'networks');
  for (const pair of pairs(networks)) for (const alias of items(get(pair.value, 'aliases'))) names.push(scalarText(alias));
  return names.filter((n): n is string => !!n && !n.includes('$')).map((n) => n.toLowerCase());
});

interface Reference {
  name: string;
  span: Span;
  /** Where it was written, for the message: `links`, or the environment variable's name. */
  where: string;
}

/** Names a service uses to reach others: `links` entries and host names in `environment` values. */
function* references(doc: ParsedDocument, service: ServiceModel): Generator<Reference> {
  for (const item of items(get(service.node, 'links'))) {
    const link = asScalar(item);
    if (typeof link?.value !== 'string') continue;
    const name = link.value.split(':')[0];
    yield { name, span: spanWithin(doc, link, 0, name.length), where: '`links`' };
  }
  const env = get(service.node, 'environment');
  for (const item of items(env)) {
    const entry = asScalar(item);
    if (typeof entry?.value !== 'string') continue;
    const eq = entry.value.indexOf('=');
    if (eq <= 0) continue;
    const key = entry.value.slice(0, eq);
    for (const host of hostsIn(key, entry.value.slice(eq + 1)))
      yield { name: host.host, span: spanWithin(doc, entry, eq + 1 + host.at, host.host.length), where: `\`${key}\`` };
  }
  for (const pair of pairs(env)) {
    const value = asScalar(pair.value);
    if (typeof value?.value !== 'string') continue;
    const key = String(pair.key.value);
    for (const host of hostsIn(key, value.value)) yield { name: host.host, span: spanWithin(doc, value, host.at, host.host.length), where: `\`${key}\`` };
  }
}

/** `scheme://[user@]host[:port][,host[:port]...]`: the authority, hosts in it found by hostList. */
const URL_AUTHORITY = /\b[a-z][a-z0-9+.-]*:\/\/([^\s/?#"']*)/gi;
/** Connection-string keys that name a server (SQL Server, PostgreSQL, MySQL, Redis clients...). */
const CONNECTION_HOST = /(?:^|;)\s*(?:server|data source|datasource|host|hostname|address|addr|network address)\s*=\s*(?:tcp:)?([^;\s]*)/gi;
/** A whole value that is a host, or `host:port`, or a comma list of them. */
const HOST_LIST = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(?::\d{1,5})?(?:,[A-Za-z0-9_][A-Za-z0-9_.-]*(?::\d{1,5})?)*$/;
/** Variable names under which a bare value is a host name. */
const HOST_KEY = /host|server|addr|endpoint|url|uri|dsn|broker|peer|master|upstream|backend|remote|datasource|data_source/i;

/** Host names in an environment value, with their offsets; variables (`${HOST}`) are unknown and never match. */
function hostsIn(key: string, value: string): { host: string; at: number }[] {
  // A URL and `host:port` hold a `:`, a connection string a `=`, and a bare name counts only under a host-like
  // key: most values (`LOG_LEVEL=info`) are none of these and need no pattern.
  if (!value.includes(':') && !value.includes('=') && !HOST_KEY.test(key)) return [];
  const masked = maskVariables(value);
  const hosts: { host: string; at: number }[] = [];
  const hostList = (text: string, base: number) => {
    let at = 0;
    for (const part of text.split(',')) {
      const host = /^([^:[\]\0]+)(?::\d*)?$/.exec(part)?.[1];
      if (host) hosts.push({ host, at: base + at });
      at += part.length + 1;
    }
  };
  for (const m of masked.matchAll(URL_AUTHORITY)) {
    let authority = m[1];
    let base = m.index + m[0].length - authority.length;
    const user = authority.lastIndexOf('@');
    if (user >= 0) {
      base += user + 1;
      authority = authority.slice(user + 1);
    }
    hostList(authority, base);
  }
  for (const m of masked.matchAll(CONNECTION_HOST)) {
    const host = /^[^,\\:\0]+/.exec(m[1])?.[0];
    if (host) hosts.push({ host, at: m.index + m[0].length - m[1].length });
  }
  // A bare name only under a host-like key (`DB_HOST=db`); `host:port` anywhere (`REDIS=redis:6379`).
  if (!hosts.length && HOST_LIST.test(masked) && (masked.includes(':') || HOST_KEY.test(key))) hostList(masked, 0);
  return hosts;
}

/** `depends_on` entries (list or mapping form), with the span of the name. */
function dependencies(service: ServiceModel): { name: string; span: Span }[] {
  const node = get(service.node, 'depends_on');
  const fromList = items(node).flatMap((item) => {
    const s = asScalar(item);
    return typeof s?.value === 'string' ? [{ name: s.value, span: { start: s.start, end: s.end } }] : [];
  });
  return [...fromList, ...pairs(node).map((p) => ({ name: String(p.key.value), span: { start: p.key.start, end: p.key.end } }))];
}

interface NetworkVerdict {
  name: string;
  driver: string;
  note: string;
  /** The name of an existing network judged by that name (`transparent`), not by a driver written in the file. */
  existing?: string;
}

/**
 * The networks two services share, when every one of them lacks Docker DNS (level `no`, or `partial`: only through
 * kube-dns). Undefined when they share none, when one of them resolves names, or when one cannot be judged (a
 * variable, an existing network, a driver the table does not know), or when either service sets `network_mode`.
 */
function sharedNetworks(ctx: RuleContext, a: ServiceModel, b: ServiceModel): NetworkVerdict[] | undefined {
  if (get(a.node, 'network_mode') !== undefined || get(b.node, 'network_mode') !== undefined) return undefined;
  const ofB = new Set(b.attachments.map((x) => x.name));
  const shared = [...new Set(a.attachments.map((x) => x.name))].filter((name) => ofB.has(name));
  if (!shared.length) return undefined;
  const verdicts: NetworkVerdict[] = [];
  for (const name of shared) {
    const verdict = withoutDns(ctx, name);
    if (!verdict) return undefined;
    verdicts.push(verdict);
  }
  return verdicts;
}

function withoutDns(ctx: RuleContext, name: string): NetworkVerdict | undefined {
  const { network, driver } = networkNamed(ctx.compose, name);
  let driverName = driver.name;
  let existing: string | undefined;
  if (driverName === undefined && driver.origin === 'external' && network?.node) {
    // The Dynamics NAV pattern: `default: {external: {name: transparent}}`, the network created with that driver.
    const named = scalarText(get(network.node, 'name')) ?? scalarText(get(get(network.node, 'external'), 'name')) ?? network.name;
    if (named === 'transparent' || named === 'l2bridge') driverName = existing = named;
  }
  const known = windowsDriver(driverName);
  if (!known) return undefined;
  if (known.name === 'nat' && network?.node && !isExternal(network)) {
    const option = asScalar(optionPairs(network.node).find((p) => p.key.value === GATEWAY_DNS?.key)?.value);
    if (option && parseGoBool(String(option.value)) === true)
      return { name, driver: 'nat', note: `\`disable_gatewaydns\` is set: ${GATEWAY_DNS?.meaning ?? ''}` };
  }
  const support = supportOf(known, 'serviceDiscovery', ctx.windowsVersion);
  if (!support || (support.level !== 'no' && support.level !== 'partial')) return undefined;
  return { name, driver: known.name, note: support.note, existing };
}

function describe(networks: NetworkVerdict[]): string {
  const one = (v: NetworkVerdict) =>
    v.existing ? `\`${v.name}\` (the existing network \`${v.existing}\`, taken as ${v.driver} from its name)` : `\`${v.name}\` (${v.driver})`;
  return `the network${networks.length === 1 ? '' : 's'} ${networks.map(one).join(', ')}`;
}

function reportReferences(ctx: RuleContext, service: ServiceModel, target: ServiceModel, refs: Reference[]): void {
  const shared = sharedNetworks(ctx, service, target);
  if (!shared) return;
  const [first, ...others] = refs;
  const hostname = scalarText(get(target.node, 'hostname'))?.toLowerCase();
  // A name that is also the target's host name may be in your own DNS (a domain-joined container registers it).
  const byHostname = refs.every((r) => r.name.toLowerCase() === hostname);
  const severity: Severity = byHostname || shared.some((v) => v.existing) ? 'information' : 'warning';
  const notes = [...new Set(shared.map((v) => `${v.driver}: ${v.note}`))].join(' ');
  const where = [...new Set(refs.map((r) => r.where))];
  const shownWhere = where.length > 3 ? `${where.slice(0, 3).join(', ')} and ${where.length - 3} more` : where.join(', ');
  const ownDns = byHostname
    ? ` \`${first.name}\` is also \`${target.name}\`'s host name, so your own DNS may know it if the container registers there (a domain-joined one can).`
    : ' It resolves only if your own DNS server knows it.';
  ctx.report({
    span: first.span,
    severity,
    message: `\`${service.name}\` reaches service \`${target.name}\` by the name \`${first.name}\` (in ${shownWhere}), but the two share only ${describe(shared)}, where Docker's DNS does not resolve service names (${notes}).${ownDns} Attach both services to a \`nat\` network too, or use \`${target.name}\`'s address (a static \`ipv4_address\`).`,
    related: others.map((r) => ({ span: r.span, message: `\`${target.name}\` is reached by name here too (in ${r.where}).` })),
  });
}

function reportDomainname(ctx: RuleContext, service: ServiceModel): void {
  const pair = getPair(service.node, 'domainname');
  const domain = scalarText(pair?.value);
  if (!pair || !domain) return;
  const fqdn = `${service.name}.${domain}`;
  ctx.report({
    span: { start: pair.value.start, end: pair.value.end },
    severity: 'information',
    message: `\`domainname\` on Windows only becomes part of the container's own host name: Docker's DNS answers service names, container names and network aliases, not \`${fqdn}\`, so other containers cannot reach \`${service.name}\` by that name. Use \`${service.name}\`, or add \`${fqdn}\` to the service's network \`aliases\`.`,
  });
}
