/** Traversals most compose rules share: networks with their driver, service attachments, driver options. */
import {
  effectiveDriver,
  networkNamed,
  type ComposeModel,
  type EffectiveDriver,
  type NetworkModel,
  type ServiceModel,
  type Attachment,
} from '../../../compose/model';
import type { ParsedDocument } from '../../../documents/document';
import type { Span } from '../../../documents/text';
import { asScalar, get, getPair, pairs, type Node, type Pair, type ScalarNode } from '../../../documents/tree';
import { oncePer } from '../../../util/once-per';
import { isInterpolated } from '../../../compose/interpolation';
import { parseGoBool } from '../../../knowledge/values';

export interface NetworkUse {
  network: NetworkModel;
  driver: EffectiveDriver;
}

export function networksWithDrivers(model: ComposeModel): NetworkUse[] {
  return model.networks.map((network) => ({ network, driver: effectiveDriver(network, model.stack) }));
}

export interface AttachmentUse {
  service: ServiceModel;
  attachment: Attachment;
  network: NetworkModel | undefined;
  driver: EffectiveDriver;
}

/** Every service attachment with its network and driver; computed once per model (several rules read it). */
export const attachments = oncePer((model: ComposeModel): AttachmentUse[] => {
  const uses: AttachmentUse[] = [];
  for (const service of model.services) {
    for (const attachment of service.attachments) {
      uses.push({ service, attachment, ...networkNamed(model, attachment.name) });
    }
  }
  return uses;
});

/** The drivers a service's containers sit on (its attachments, or the network named by `network_mode`). */
export function serviceDrivers(model: ComposeModel, service: ServiceModel): EffectiveDriver[] {
  const mode = asScalar(get(service.node, 'network_mode'))?.value;
  if (typeof mode === 'string' && mode !== '' && !/^(none|host|bridge|service:|container:)/.test(mode)) {
    return [mode === 'nat' ? { name: 'nat', origin: 'external' } : networkNamed(model, mode).driver];
  }
  return service.attachments.map((a) => networkNamed(model, a.name).driver);
}

export function scalarPair(node: Node | undefined, key: string): { pair: Pair; value: ScalarNode } | undefined {
  const pair = getPair(node, key);
  const value = asScalar(pair?.value);
  return pair && value ? { pair, value } : undefined;
}

/** `true`, `"true"` and friends, as compose reads boolean-or-string keys. */
export function isTruthy(node: Node | undefined): boolean {
  const v = asScalar(node)?.value;
  return v === true || (typeof v === 'string' && /^(true|yes|on|1)$/i.test(v));
}

export function isFalsy(node: Node | undefined): boolean {
  const v = asScalar(node)?.value;
  return v === false || (typeof v === 'string' && /^(false|no|off|0)$/i.test(v));
}

export function driverLabel(driver: EffectiveDriver): string {
  if (!driver.name) return driver.origin === 'variable' ? 'a driver set by a variable' : 'an existing network';
  if (driver.origin === 'default') return `\`${driver.name}\` (the Windows default)`;
  return driver.origin === 'stack-default' ? `\`${driver.name}\` (the default of a swarm stack)` : `\`${driver.name}\``;
}

export function optionPairs(node: Node | undefined): Pair[] {
  return pairs(get(node, 'driver_opts'));
}

/**
 * A boolean driver option as the daemon reads it (`com.docker.network.enable_ipv6: "true"`; moby daemon/network.go
 * parses it with strconv.ParseBool): `enabled` is undefined when the value is no Go boolean, which the daemon
 * refuses. Undefined when the option is absent, or its value never reaches the daemon as written (a YAML boolean
 * or null, which compose refuses, or a variable).
 */
export function boolOption(network: Node | undefined, key: string): { pair: Pair; value: ScalarNode; enabled: boolean | undefined } | undefined {
  const pair = optionPairs(network).find((p) => p.key.value === key);
  const value = asScalar(pair?.value);
  if (!pair || !value || (typeof value.value !== 'string' && typeof value.value !== 'number') || isInterpolated(value.value)) return undefined;
  return { pair, value, enabled: parseGoBool(String(value.value)) };
}

export interface OptionUse {
  pair: Pair;
  key: string;
  /** Network `driver_opts`, or a service's endpoint `driver_opts` (`services.*.networks.*.driver_opts`). */
  level: 'network' | 'endpoint';
  /** The network the option applies to. */
  networkName: string;
  driver: EffectiveDriver;
  /** The `driver_opts` mapping holding the option, to look up its siblings. */
  siblings: Pair[];
}

/** Every driver option in the file, network and endpoint level, with the driver it goes to; once per model (nine rules read it). */
export const allDriverOptions = oncePer(driverOptionsOf);

function driverOptionsOf(model: ComposeModel): OptionUse[] {
  const uses: OptionUse[] = [];
  for (const { network, driver } of networksWithDrivers(model)) {
    const siblings = optionPairs(network.node);
    for (const pair of siblings) uses.push({ pair, key: String(pair.key.value), level: 'network', networkName: network.name, driver, siblings });
  }
  for (const { attachment, driver } of attachments(model)) {
    const siblings = optionPairs(attachment.config);
    for (const pair of siblings) uses.push({ pair, key: String(pair.key.value), level: 'endpoint', networkName: attachment.name, driver, siblings });
  }
  return uses;
}

/**
 * The span of `length` characters at `offset` in a scalar's value, when the value is written as-is (plain, or quoted
 * with no escapes on one line); else the whole scalar, which is never wrong.
 */
export function spanWithin(doc: ParsedDocument, node: ScalarNode, offset: number, length: number): Span {
  const value = String(node.value);
  const start = node.style === 'plain' ? node.start : node.start + 1;
  if ((node.style === 'plain' || node.style === 'single' || node.style === 'double') && doc.text.slice(start, start + value.length) === value)
    return { start: start + offset, end: start + offset + length };
  return { start: node.start, end: node.end };
}
