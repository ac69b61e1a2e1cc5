/**
 * Hovers in compose files: only Windows networking, never generic YAML (other extensions give those). Every
 * text is built from the knowledge tables and the rule metadata, so the hover, the finding and the docs page say
 * the same thing.
 */
import { isInterpolated, variableSpans } from '../compose/interpolation';
import { buildComposeModel, effectiveDriver, findNetwork } from '../compose/model';
import type { ParsedDocument } from '../documents/document';
import { asScalar, get, pairs, scalarText, type Node } from '../documents/tree';
import { memberAt, type ComposeSet } from '../compose/loader';
import { basename } from '../compose/paths';
import { type FeatureId, FEATURES, LEVEL_MARK, linuxDriver, supportOf, type WindowsDriver, windowsDriver } from '../knowledge/drivers';
import { sourceOf, type SourceRef } from '../knowledge/sources';
import { UNSUPPORTED_OPTIONS } from '../knowledge/unsupported';
import { versionName, type WindowsVersion } from '../knowledge/versions';
import { driverOption, LINUX_ONLY_OPTIONS } from '../knowledge/windowsshim';
import { ruleMeta } from '../rules/registry';
import { keyPath, nodePath, type Located } from '../documents/node-path';
import type { Span } from '../documents/text';

export interface Hover {
  markdown: string;
  span: Span;
}

export interface HoverContext {
  windowsVersion: WindowsVersion;
  docsBaseUrl?: string;
  /**
   * The document's variables were read (its project's env files), and `doc` has them substituted: the hover on the
   * variable itself (service/variable-hover.ts) says what each one is, so the note on unknown values is not given.
   */
  variablesRead?: boolean;
}

const HOVER_FEATURES: FeatureId[] = [
  'portPublishing',
  'hostPortRange',
  'staticIp',
  'dhcp',
  'ipv6Docker',
  'ipv6Hns',
  'serviceDiscovery',
  'encryption',
  'azure',
  'multiHost',
  'vlan',
  'outboundNat',
];

export function composeHover(doc: ParsedDocument, offset: number, ctx: HoverContext, set?: ComposeSet): Hover | undefined {
  const located = nodePath(doc.root, offset);
  const last = located.steps[located.steps.length - 1];
  if (!last) return undefined;
  const path = keyPath(located);
  const spanOf = (n: Node): Span => ({ start: n.start, end: n.end });
  const keySpan = last.pair ? spanOf(last.pair.key) : spanOf(last.node);
  const hoverSpan = located.onKey ? keySpan : spanOf(last.node);
  const written = located.onKey ? undefined : asScalar(last.node)?.value;
  const variable = !ctx.variablesRead && isInterpolated(written) && judgedByRules(composePattern(path)) ? variableHover(String(written)) : undefined;
  const parts = [variable, hoverFor(path, located, doc, ctx, set)].filter((p) => p !== undefined);
  return parts.length ? { markdown: parts.join('\n\n---\n\n'), span: hoverSpan } : undefined;
}

/**
 * The values winnet's rules judge (compose/interpolation.ts): only there does a variable explain a missing check.
 * Elsewhere (environment, labels, images, commands) the value is none of winnet's business, and a note on every
 * `${VAR}` of the file would crowd out the hovers of other extensions.
 */
const JUDGED_VALUES = new Set([
  'services.*.isolation',
  'services.*.network_mode',
  'services.*.deploy.endpoint_mode',
  'services.*.ports[]',
  ...['host_ip', 'published', 'target', 'protocol', 'mode'].map((k) => `services.*.ports[].${k}`),
  'services.*.networks[]',
  'services.*.networks.*.ipv4_address',
  'services.*.networks.*.ipv6_address',
  ...['driver', 'name', 'external', 'enable_ipv6', 'enable_ipv4', 'internal', 'ipam.driver'].map((k) => `networks.*.${k}`),
  ...['subnet', 'gateway', 'ip_range'].map((k) => `networks.*.ipam.config[].${k}`),
]);
const JUDGED_PREFIXES = ['networks.*.driver_opts.', 'services.*.networks.*.driver_opts.'];

function judgedByRules(pattern: string): boolean {
  return JUDGED_VALUES.has(pattern) || JUDGED_PREFIXES.some((prefix) => pattern.startsWith(prefix));
}

/** A value compose substitutes variables into: what happens to it, and why winnet leaves it alone. */
function variableHover(written: string): string {
  return [
    `**\`${written}\`**: compose substitutes ${variableSpans(written).length > 1 ? 'these variables' : 'this variable'} when it runs, from the shell or else the project's \`.env\` file (\`\${VAR:-default}\` takes the default when \`VAR\` is unset or empty; an unset variable without one becomes an empty string).`,
    '',
    'winnet does not read that environment, so it does not judge this value. Settings that fail whatever their value are still reported.',
  ].join('\n');
}

function hoverFor(path: (string | number)[], located: Located, doc: ParsedDocument, ctx: HoverContext, set?: ComposeSet): string | undefined {
  const last = located.steps[located.steps.length - 1];
  const key = path[path.length - 1];
  // A value with a compose variable is unknown here (compose/interpolation.ts): nothing below judges it.
  const written = located.onKey ? undefined : scalarText(last.node);
  const value = isInterpolated(written) ? undefined : written;
  // networks.<name>.driver
  if (path.length === 3 && path[0] === 'networks' && key === 'driver') {
    return value ? driverHover(value, ctx) : undefined;
  }
  // driver_opts keys, network or endpoint level
  if (path.length >= 2 && path[path.length - 2] === 'driver_opts' && typeof key === 'string') return optionHover(key, ctx);
  const pattern = composePattern(path);
  const unsupported = UNSUPPORTED_OPTIONS.find((o) => o.composePath === pattern);
  if (unsupported) {
    const rule = ruleMeta(unsupported.rule);
    return [
      `**\`${key}\`** on Windows: ${unsupported.outcome === 'rejected' ? '**fails**' : unsupported.outcome === 'ignored' ? '**accepted, no effect**' : '**partly supported**'}`,
      '',
      unsupported.behaviour,
      '',
      `Microsoft lists \`${unsupported.command} ${unsupported.flag}\` as unsupported. ${unsupported.history}`,
      '',
      footer(unsupported.sources, rule ? unsupported.rule : undefined, ctx),
    ].join('\n');
  }
  if (path.length === 3 && path[0] === 'services') {
    if (key === 'isolation') return isolationHover(value);
    if (key === 'network_mode') return networkModeHover(value, ctx);
    if (key === 'ports') return ruleHover(['port-host-ip', 'port-range', 'port-protocol'], 'Published ports on Windows', ctx);
    if (key === 'extra_hosts') return ruleHover(['extra-hosts'], undefined, ctx);
    if (key === 'links' || key === 'external_links') return ruleHover(['links'], undefined, ctx);
  }
  // A service's attachment to a network: what that network is on Windows.
  if (path.length === 4 && path[0] === 'services' && path[2] === 'networks') {
    const name = typeof key === 'number' ? value : String(key);
    return name ? attachmentHover(name, doc, ctx, set) : undefined;
  }
  if (path.length === 2 && path[0] === 'networks' && located.onKey) {
    const driverNode = asScalar(get(last.node, 'driver'));
    return driverHover(driverNode?.value ? String(driverNode.value) : 'nat', ctx, !driverNode);
  }
  return undefined;
}

/** `['networks', 'lan', 'ipam', 'config', 0, 'ip_range']` → `networks.*.ipam.config[].ip_range`. */
function composePattern(path: (string | number)[]): string {
  let out = '';
  path.forEach((step, i) => {
    const wildcard = (i === 1 && (path[0] === 'services' || path[0] === 'networks')) || (i === 3 && path[0] === 'services' && path[2] === 'networks');
    if (typeof step === 'number') out += '[]';
    else out += (out ? '.' : '') + (wildcard ? '*' : step);
  });
  return out;
}

function driverHover(name: string, ctx: HoverContext, implicit = false): string | undefined {
  const driver = windowsDriver(name);
  if (driver) return windowsDriverHover(driver, ctx, implicit);
  const linux = linuxDriver(name);
  if (!linux) return undefined;
  return [
    `**\`${linux.name}\`**: a Linux driver, **not available on Windows**`,
    '',
    linux.onWindows,
    '',
    `Closest on Windows: ${linux.equivalents.map((e) => `\`${e}\``).join(', ')}.`,
    '',
    footer(linux.sources, 'linux-driver', ctx),
  ].join('\n');
}

function windowsDriverHover(driver: WindowsDriver, ctx: HoverContext, implicit: boolean): string {
  const scope = driver.scope === 'none' ? 'no networking' : `${driver.scope}, ${driver.vswitch} vSwitch`;
  const rows = HOVER_FEATURES.flatMap((id) => {
    const s = supportOf(driver, id, ctx.windowsVersion);
    return s ? [`| ${FEATURES[id].label} | ${LEVEL_MARK[s.level]} | ${s.note.replace(/\|/g, '\\|')} |`] : [];
  });
  return [
    `**\`${driver.name}\`**: Windows network driver (${scope})${driver.documented ? '' : ', undocumented'}${implicit ? '. No `driver:` is written, so a Windows daemon uses `nat`.' : ''}`,
    '',
    driver.summary,
    '',
    ...(rows.length ? [`| On ${versionName(ctx.windowsVersion)} | | |`, '|---|---|---|', ...rows, ''] : []),
    ...driver.notes.map((n) => `- ${n}`),
    ...(driver.notes.length ? [''] : []),
    footer(driver.sources, undefined, ctx),
  ].join('\n');
}

function optionHover(key: string, ctx: HoverContext): string | undefined {
  const option = driverOption(key);
  if (option) {
    const status = option.status === 'ignored' ? ' **Ignored by the driver.**' : option.status === 'internal' ? ' **Set by Docker itself.**' : '';
    return [
      `**\`${key}\`**${status}`,
      '',
      option.meaning,
      '',
      `- Value: ${option.valueHelp}${option.example ? ` (e.g. \`${option.example}\`)` : ''}`,
      `- Drivers: ${option.drivers ? option.drivers.map((d) => `\`${d}\``).join(', ') : 'all Windows drivers'}`,
      ...(option.requires ? [`- Needs \`${option.requires.key}: "${option.requires.value}"\``] : []),
      ...(option.notes ? [`- ${option.notes}`] : []),
      '',
      footer(option.sources, undefined, ctx),
    ].join('\n');
  }
  const linux = LINUX_ONLY_OPTIONS.find((o) => o.match(key));
  if (linux) return [`**\`${key}\`**: no effect on Windows`, '', `One of ${linux.note}.`, '', footer(linux.sources, 'linux-driver-option', ctx)].join('\n');
  return undefined;
}

function isolationHover(value: string | undefined): string {
  return [
    '**`isolation`** (Windows containers)',
    '',
    '`process`: shares the host kernel (Windows Server default; the image must match the host build). `hyperv`: each container in a utility VM (Windows 10/11 default). `default`: the daemon default. Compared case-insensitively.',
    '',
    'Hyper-V containers cannot share a network stack (`network_mode: service:...`).',
    ...(value && !['default', 'process', 'hyperv'].includes(value.toLowerCase()) ? ['', `\`${value}\` is not one of them: the daemon refuses it.`] : []),
  ].join('\n');
}

function networkModeHover(value: string | undefined, ctx: HoverContext): string | undefined {
  if (value === 'host') return ruleHover(['network-mode-host'], undefined, ctx);
  if (value === 'bridge') return ruleHover(['network-mode-bridge'], undefined, ctx);
  if (value && /^(service|container):/.test(value)) return ruleHover(['network-mode-hyperv-shared'], undefined, ctx);
  if (value === 'nat') return '**`network_mode: nat`**: the default Windows NAT network that the daemon creates at start-up.';
  if (value === 'none') return '**`network_mode: none`**: no networking (the `null` driver).';
  return undefined;
}

/**
 * What a network a service attaches to really is: its effective driver and, in a file set, the merged
 * definition with the file and line each part came from.
 */
function attachmentHover(name: string, doc: ParsedDocument, ctx: HoverContext, set?: ComposeSet): string | undefined {
  const root = set && set.members.length > 1 ? set.virtual.root : doc.root;
  const model = buildComposeModel(root, set && set.members.length > 1 ? set.virtual.path : doc.path);
  const network = findNetwork(model, name);
  const driver = effectiveDriver(network, model.stack);
  const origin = (node: Node | undefined): string => {
    if (!node) return '';
    if (!set || set.members.length < 2) return ` (line ${doc.lines.positionAt(node.start).line + 1})`;
    const member = memberAt(set.members, node.start);
    return member ? ` (${basename(member.path)}:${member.doc.lines.positionAt(node.start - member.base).line + 1})` : '';
  };
  if (!network) return `Network \`${name}\` is not defined${set && set.members.length > 1 ? ' in this file set' : ' in this file'}.`;
  const parts = pairs(network.node).map(
    (p) => `- \`${String(p.key.value)}\`${p.value.kind === 'scalar' && p.value.value !== null ? `: \`${String(p.value.value)}\`` : ''}${origin(p.key)}`,
  );
  const how =
    driver.origin === 'default'
      ? 'no `driver:`, so the Windows default'
      : driver.origin === 'stack-default'
        ? 'no `driver:`, so in a swarm stack'
        : driver.origin === 'external'
          ? 'the existing network'
          : 'driver';
  const head = driver.name
    ? `Network \`${name}\`${origin(network.key)} uses ${how} \`${driver.name}\`.`
    : driver.origin === 'variable'
      ? `Network \`${name}\`${origin(network.key)} takes its driver from a variable (\`${String(driver.node?.value)}\`): compose substitutes it when it runs, so winnet does not check what depends on the driver.`
      : `Network \`${name}\`${origin(network.key)} is an existing network: its driver is whatever it was created with.`;
  return [head, ...(parts.length ? ['', ...parts] : []), '', (driver.name && driverHover(driver.name, ctx)) || ''].join('\n');
}

function ruleHover(ids: string[], title: string | undefined, ctx: HoverContext): string | undefined {
  const metas = ids.map(ruleMeta).filter((m) => m !== undefined);
  if (!metas.length) return undefined;
  const lines = title ? [`**${title}**`, ''] : [];
  for (const meta of metas) {
    lines.push(`**${meta.title}**: ${meta.description}`, '', `*What to do*: ${meta.remedy}`, '');
  }
  lines.push(footer([...new Set(metas.flatMap((m) => m.sources))].slice(0, 4), metas[0].id, ctx));
  return lines.join('\n');
}

function footer(sources: readonly SourceRef[], rule: string | undefined, ctx: HoverContext): string {
  const links = sources.map((ref) => {
    const s = sourceOf(ref);
    return `[${s.title.replace(/[[\]]/g, '')}](${s.url})`;
  });
  const ruleLink = rule && ctx.docsBaseUrl ? [`[rule \`${rule}\`](${ctx.docsBaseUrl}${rule}.md)`] : [];
  return `Sources: ${[...ruleLink, ...links].join(' · ')}`;
}
