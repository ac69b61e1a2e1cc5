/**
 * Words for schemas and values, shared by hover and completion: a field's type in one line, the allowed values of
 * an enumeration with what each means, the bits of a flag mask, and the capability facts behind a network type or
 * a policy type. Enumerations and flags are named by the schema (`#/definitions/enum.X`, `flags.X`); their value
 * descriptions come from the knowledge tables the schema was generated from.
 */
import { HNS_ENUMS, HNS_FLAGS } from '../knowledge/hns-enums';
import type { EnumId, FlagSetId, PolicyLocation, PolicySpec } from '../knowledge/hns-model';
import { hnsNetworkType } from '../knowledge/hns-network-types';
import { describeRanges, featureAvailability, HNS_FEATURES, schemaAvailability } from '../knowledge/hns-versions';
import { versionName, type WindowsVersion } from '../knowledge/versions';
import { first, refName, type Schema } from './hns-schema-nav';

export function enumOf(schemas: Schema[]): EnumId | undefined {
  const name = refName(schemas);
  return name?.startsWith('enum.') && name.slice(5) in HNS_ENUMS ? (name.slice(5) as EnumId) : undefined;
}

export function flagsOf(schemas: Schema[]): FlagSetId | undefined {
  const name = refName(schemas);
  return name?.startsWith('flags.') && name.slice(6) in HNS_FLAGS ? (name.slice(6) as FlagSetId) : undefined;
}

/** "string (GUID)", "integer 0–65535", "NetworkMode: a name or an integer", "array of objects (Route)". */
export function typeSummary(schemas: Schema[]): string {
  const e = enumOf(schemas);
  if (e) return `${e}: a name (any case) or an integer`;
  const f = flagsOf(schemas);
  if (f) return `${f}: an integer bit mask`;
  const ref = refName(schemas);
  if (ref && !ref.includes('.')) return `object (${ref})`;
  const type = first(schemas, 'type');
  if (type === 'string') return first(schemas, 'pattern') ? 'string (GUID)' : 'string';
  if (type === 'integer') {
    const max = schemas.map((s) => s.maximum).find((m) => typeof m === 'number');
    return typeof max === 'number' ? `integer 0–${max}` : 'integer';
  }
  if (type === 'array') {
    const items = first<Schema>(schemas, 'items', 'object');
    const inner = items ? typeSummary([items]) : undefined;
    return inner ? `array of ${inner.replace(/^(object|string|integer|boolean)\b/, '$1s')}` : 'array';
  }
  return type ?? 'any';
}

export function enumValuesMarkdown(id: EnumId): string {
  const spec = HNS_ENUMS[id];
  const lines = spec.values.map(
    (v) =>
      `- \`${v.name}\`${v.value !== undefined ? ` (${v.value})` : ''}${v.since ? ` — schema ${v.since}+` : ''}${v.description ? `: ${v.description}` : ''}`,
  );
  return lines.join('\n');
}

export function flagBitsMarkdown(id: FlagSetId, value?: number): string {
  const spec = HNS_FLAGS[id];
  const lines = spec.bits
    .filter((b) => b.value !== undefined && b.value !== 0)
    .map((b) => `- ${value !== undefined && (value & b.value!) === b.value ? '**set** ' : ''}\`${b.value}\` ${b.name}: ${b.description}`);
  const unpublished = spec.bits.filter((b) => b.value === undefined).map((b) => b.name);
  if (unpublished.length) lines.push(`- named without a published value: ${unpublished.join(', ')}`);
  return lines.join('\n');
}

const PLACE: Record<PolicyLocation, string> = { network: 'network', endpoint: 'endpoint', subnet: 'subnet', policylist: 'policy list' };

/** Facts about a policy type for a hover: what it does, where it goes, since when, and whether the target version has it. */
export function policyFacts(spec: PolicySpec, version: WindowsVersion): string {
  const lines = [spec.description, '', `Valid in: ${spec.locations.map((l) => PLACE[l]).join(', ')} policies.`];
  if (spec.since) lines.push(`New in HCN schema ${spec.since} (${versionName(version)}: ${schemaAvailability(spec.since, version)}).`);
  if (spec.gate)
    lines.push(
      `Needs HNS ${describeRanges(spec.gate)} (${HNS_FEATURES[spec.gate].label}); ${versionName(version)}: ${featureAvailability(spec.gate, version)}.`,
    );
  if (spec.singleton) lines.push(spec.singleton.per === 'family' ? 'At most one per IP family.' : 'At most one per object.');
  return lines.join('\n');
}

/** Facts about a network type for a hover. */
export function networkTypeFacts(value: string | number, version: WindowsVersion): string | undefined {
  const type = hnsNetworkType(value);
  if (!type) return undefined;
  const v6 = type.ipv6(version);
  const lines = [
    `**${type.name}**: ${type.summary}`,
    '',
    `- External adapter: ${type.externalAdapter ? 'yes (name it, or HNS binds the first unbound one)' : 'no'}`,
    `- Load balancers: ${type.loadBalancers}`,
    `- IPv6 on ${versionName(version)}: ${v6.level === 'yes' ? 'yes, dual-stack only' : `${v6.level}: ${v6.message}`}`,
    ...(type.needsVsid ? ['- Every subnet needs a VSID policy (4096 or more).'] : []),
    ...type.notes.map((n) => `- ${n}`),
  ];
  return lines.join('\n');
}
