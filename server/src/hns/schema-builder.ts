/**
 * Builds the HNS v1 and HCN v2 JSON Schemas (draft-07) from the knowledge tables, so the schemas, the rules and
 * the hovers state each fact once. `scripts/schemas/generate.ts` writes the result to schemas/*.schema.json and
 * a test keeps the committed files equal to it. Tolerance is built in where real clients differ from the docs:
 * enum values by name in any case or as integers, flags as integer masks or names, read-only output fields
 * accepted.
 */
import { HNS_ENUMS, HNS_FLAGS } from '../knowledge/hns-enums';
import { GUID_PATTERN, type Field, type FieldType, type ObjectSpec, type PolicySpec } from '../knowledge/hns-model';
import { V1_OBJECTS, V1_POLICIES, V1_ROOTS } from '../knowledge/hns-v1-objects';
import { V2_OBJECTS, V2_ROOTS } from '../knowledge/hns-v2-objects';
import { V2_SUBNET_POLICIES, v2PoliciesAt } from '../knowledge/hns-v2-policies';

export type JsonSchema = { [key: string]: unknown };

/** `^(?:[Nn][Aa][Tt]|...)$`: matches the names in any case (JSON Schema has no case-insensitive enum). */
function caseInsensitivePattern(names: readonly string[]): string {
  const alt = names.map((n) =>
    [...n].map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))).join(''),
  );
  return `^(?:${alt.join('|')})$`;
}

const ref = (id: string): JsonSchema => ({ $ref: `#/definitions/${id}` });

function describe(field: Field): string {
  const notes: string[] = [];
  if (field.since) notes.push(`HCN schema ${field.since}+`);
  if (field.readOnly) notes.push('read-only: HNS reports it and ignores it on input');
  if (field.alias) notes.push(`also spelled \`${field.alias}\``);
  return notes.length ? `${field.description} (${notes.join('; ')})` : field.description;
}

function typeSchema(type: FieldType): JsonSchema {
  switch (type.kind) {
    case 'string':
      return type.format === 'guid' ? { type: 'string', pattern: GUID_PATTERN } : { type: 'string' };
    case 'bool':
      return { type: 'boolean' };
    case 'int':
      return type.bits === 64 ? { type: 'integer', minimum: 0 } : { type: 'integer', minimum: 0, maximum: 2 ** type.bits - 1 };
    case 'enum':
      return ref(`enum.${type.enum}`);
    case 'flags':
      return ref(`flags.${type.flags}`);
    case 'object':
      return ref(type.object);
    case 'array':
      return { type: 'array', items: typeSchema(type.items) };
    case 'any':
      return { type: 'object' };
    case 'either':
      return { anyOf: type.types.map(typeSchema) };
  }
}

function fieldSchema(field: Field): JsonSchema {
  // Only annotations sit beside a $ref (draft-07 validators ignore them there; editors still show them).
  return { description: describe(field), ...(field.readOnly ? { readOnly: true } : {}), ...typeSchema(field.type) };
}

/** Enumerations and flag sets as shared definitions, so validators compile each once. */
function enumAndFlagDefinitions(): Record<string, JsonSchema> {
  const defs: Record<string, JsonSchema> = {};
  for (const spec of Object.values(HNS_ENUMS)) {
    const names = spec.values.map((v) => v.name);
    defs[`enum.${spec.id}`] = {
      description: `${spec.description} A name (any case) or an integer.`,
      examples: names,
      anyOf: [
        { type: 'string', pattern: caseInsensitivePattern(names) },
        { type: 'integer', minimum: 0, maximum: spec.maxInteger },
      ],
    };
  }
  for (const spec of Object.values(HNS_FLAGS)) {
    const names = spec.bits.map((b) => b.name);
    defs[`flags.${spec.id}`] = {
      description: `${spec.description} An integer bit mask (as clients send it) or a flag name (as HNS-SCHEMA writes it).`,
      examples: spec.bits.filter((b) => b.value !== undefined).map((b) => b.value),
      anyOf: [
        { type: 'integer', minimum: 0, maximum: 0xffffffff },
        { type: 'string', pattern: caseInsensitivePattern(names) },
      ],
    };
  }
  return defs;
}

function objectSchema(spec: ObjectSpec): JsonSchema {
  const properties = Object.fromEntries(Object.entries(spec.fields).map(([name, field]) => [name, fieldSchema(field)]));
  return {
    title: spec.title,
    description: spec.description,
    type: 'object',
    properties,
    ...(spec.required?.length ? { required: spec.required } : {}),
    additionalProperties: spec.open ?? false,
  };
}

function policySummary(p: PolicySpec): string {
  const notes: string[] = [];
  if (p.since) notes.push(`HCN schema ${p.since}+`);
  return notes.length ? `${p.description} (${notes.join('; ')})` : p.description;
}

/** A v2 policy union: `{Type, Settings}` with Settings checked by Type through if/then (one branch applies). */
function v2PolicyUnion(
  name: string,
  description: string,
  policies: PolicySpec[],
  enumId: 'NetworkPolicyType' | 'EndpointPolicyType' | 'SubnetPolicyType',
  defs: Record<string, JsonSchema>,
): JsonSchema {
  const branches: JsonSchema[] = [];
  for (const p of policies) {
    const settingsId = `${name}.${p.type}`;
    defs[settingsId] = {
      title: `${p.type} settings`,
      description: policySummary(p),
      type: 'object',
      properties: Object.fromEntries(Object.entries(p.settings).map(([k, f]) => [k, fieldSchema(f)])),
      ...(p.required?.length ? { required: p.required } : {}),
      additionalProperties: p.open ?? false,
    };
    branches.push({
      if: { properties: { Type: { type: 'string', pattern: caseInsensitivePattern([p.type]) } }, required: ['Type'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable
      then: {
        ...(p.required?.length ? { required: ['Settings'] } : {}),
        properties: { Settings: { description: `Settings of a ${p.type} policy.`, ...ref(settingsId) } },
      },
    });
  }
  return {
    title: name,
    description,
    type: 'object',
    properties: {
      Type: { description: HNS_ENUMS[enumId].description, ...typeSchema({ kind: 'enum', enum: enumId }) },
      Settings: { description: 'Settings of the policy; which fields depends on `Type`.', type: 'object' },
    },
    required: ['Type'],
    additionalProperties: false,
    allOf: branches,
  };
}

/** The v1 policy union: flat `{Type, ...fields}`, the fields checked by Type through if/then. */
function v1PolicyUnion(defs: Record<string, JsonSchema>): JsonSchema {
  const branches: JsonSchema[] = [];
  for (const p of V1_POLICIES) {
    const id = `V1Policy.${p.type}`;
    defs[id] = {
      title: `${p.type} policy (v1)`,
      description: policySummary(p),
      type: 'object',
      properties: {
        Type: { description: `\`${p.type}\` (any case).` },
        ...Object.fromEntries(Object.entries(p.settings).map(([k, f]) => [k, fieldSchema(f)])),
      },
      ...(p.required?.length ? { required: p.required } : {}),
      additionalProperties: p.open ?? false,
    };
    branches.push({
      if: { properties: { Type: { type: 'string', pattern: caseInsensitivePattern([p.type]) } }, required: ['Type'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable
      then: ref(id),
    });
  }
  return {
    title: 'HNS policy (v1)',
    description: 'A flat HNS v1 policy: `Type` and the fields of that type side by side, e.g. `{"Type": "VLAN", "VLAN": 11}`.',
    type: 'object',
    properties: { Type: { description: HNS_ENUMS.V1PolicyType.description, ...typeSchema({ kind: 'enum', enum: 'V1PolicyType' }) } },
    required: ['Type'],
    allOf: branches,
  };
}

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

export function buildHnsV1Schema(): JsonSchema {
  const defs: Record<string, JsonSchema> = enumAndFlagDefinitions();
  for (const spec of Object.values(V1_OBJECTS)) defs[spec.id] = objectSchema(spec);
  defs.V1Policy = v1PolicyUnion(defs);
  const kinds = [...V1_ROOTS.map(ref), ref('V1Policy')];
  return {
    $schema: DRAFT_07,
    $id: 'hns-v1.schema.json',
    title: 'HNS v1 document',
    description:
      'Legacy HNS v1 JSON: a network, an endpoint, a policy list or a policy, or an array of them (e.g. `Get-HnsNetwork | ConvertTo-Json`). Generated by winnet from its knowledge tables.',
    anyOf: [...kinds, { type: 'array', items: { anyOf: kinds } }],
    definitions: sortKeys(defs),
  };
}

export function buildHcnV2Schema(): JsonSchema {
  const defs: Record<string, JsonSchema> = enumAndFlagDefinitions();
  for (const spec of Object.values(V2_OBJECTS)) defs[spec.id] = objectSchema(spec);
  defs.NetworkPolicy = v2PolicyUnion(
    'NetworkPolicy',
    'A network policy: `{"Type": <NetworkPolicyType>, "Settings": {...}}`.',
    v2PoliciesAt('network'),
    'NetworkPolicyType',
    defs,
  );
  defs.EndpointPolicy = v2PolicyUnion(
    'EndpointPolicy',
    'An endpoint policy: `{"Type": <EndpointPolicyType>, "Settings": {...}}`.',
    v2PoliciesAt('endpoint'),
    'EndpointPolicyType',
    defs,
  );
  defs.SubnetPolicy = v2PolicyUnion(
    'SubnetPolicy',
    'A subnet policy: `{"Type": "VLAN" | "VSID", "Settings": {"IsolationId": n}}`.',
    V2_SUBNET_POLICIES,
    'SubnetPolicyType',
    defs,
  );
  const kinds = [...V2_ROOTS.map(ref), ref('NetworkPolicy'), ref('EndpointPolicy')];
  return {
    $schema: DRAFT_07,
    $id: 'hcn-v2.schema.json',
    title: 'HCN v2 document',
    description:
      'HCN (HNS v2) JSON: a HostComputeNetwork, HostComputeEndpoint, HostComputeNamespace, HostComputeLoadBalancer or HostComputeRoute, a policy, or an array of them. Generated by winnet from its knowledge tables.',
    anyOf: [...kinds, { type: 'array', items: { anyOf: kinds } }],
    definitions: sortKeys(defs),
  };
}

function sortKeys(o: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
}

/** The JSON text as committed: two-space indentation, final newline. */
export function schemaText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
