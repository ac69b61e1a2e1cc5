/**
 * Completion in HNS v1 / HCN v2 documents and in the HNS policies of CNI configs, from the schemas: property
 * names valid where the cursor is (the ones not written yet), enum values and booleans for a value, the policy
 * types valid in the list the cursor is in, and in a `Policies` array a whole policy of a chosen Type with its
 * Settings as a snippet. The cursor context comes from jsonc-parser's `getLocation`, which reads half-typed
 * text; the schemas from schema-nav.ts. No LSP types.
 */
import { getLocation, type Node as JsonNode } from 'jsonc-parser';
import type { ParsedDocument } from '../documents/document';
import { pairs } from '../documents/tree';
import { HNS_ENUMS, HNS_FLAGS } from '../knowledge/hns-enums';
import type { Field, FieldType, PolicySpec } from '../knowledge/hns-model';
import { V1_POLICIES } from '../knowledge/hns-v1-objects';
import { V2_SUBNET_POLICIES, v2PoliciesAt } from '../knowledge/hns-v2-policies';
import { DEFAULT_WINDOWS_VERSION, type WindowsVersion } from '../knowledge/versions';
import { formatPointer, locate } from '../documents/pointer';
import { enumOf, flagsOf, policyFacts, typeSummary } from './hns-describe';
import { schemaStart } from './hns-editing-context';
import { first, refName, schemasAt, type Schema } from './hns-schema-nav';
import type { CompletionItem } from './completion-item';

/** The editor-neutral completion item the compose completions use too (the server maps both to LSP). */
export type HnsCompletionItem = CompletionItem;

export interface HnsCompletionOptions {
  windowsVersion?: WindowsVersion;
}

export function hnsCompletions(doc: ParsedDocument, offset: number, options: HnsCompletionOptions = {}): HnsCompletionItem[] {
  if (doc.language !== 'json') return [];
  try {
    return complete(doc, offset, options.windowsVersion ?? DEFAULT_WINDOWS_VERSION);
  } catch {
    return [];
  }
}

interface Replace {
  start: number;
  end: number;
  /** The typed token opens with a quote that stays: items then insert the rest (editors filter on the range text). */
  quoted: boolean;
}

/** The typed token the completion replaces: the key or value literal under the cursor, after its opening quote. */
function replaceRange(text: string, offset: number, node: JsonNode | undefined): Replace {
  const none = { start: offset, end: offset, quoted: false };
  if (!node || !['string', 'number', 'boolean', 'null', 'property'].includes(node.type) || node.offset > offset) return none;
  const quoted = text[node.offset] === '"';
  // An unterminated string runs to the end of the line in the scanner; replace only up to the cursor (and its quote).
  return { start: quoted ? node.offset + 1 : node.offset, end: text[offset] === '"' ? offset + 1 : offset, quoted };
}

/** `"name"` as inserted over the range: without the opening quote when the typed text already has it. */
function quotedText(text: string, replace: Replace): string {
  return replace.quoted ? `${text}"` : `"${text}"`;
}

const POLICY_LISTS: Record<string, PolicySpec[] | (() => PolicySpec[])> = {
  V1Policy: V1_POLICIES,
  NetworkPolicy: () => v2PoliciesAt('network'),
  EndpointPolicy: () => v2PoliciesAt('endpoint'),
  SubnetPolicy: V2_SUBNET_POLICIES,
};

function policiesFor(union: string | undefined): { specs: PolicySpec[]; v1: boolean } | undefined {
  const list = union ? POLICY_LISTS[union] : undefined;
  if (!list) return undefined;
  return { specs: typeof list === 'function' ? list() : list, v1: union === 'V1Policy' };
}

const span = (r: Replace) => ({ start: r.start, end: r.end });

function complete(doc: ParsedDocument, offset: number, version: WindowsVersion): HnsCompletionItem[] {
  const location = getLocation(doc.text, offset);
  const path = location.path;
  const replace = replaceRange(doc.text, offset, location.previousNode);
  if (location.isAtPropertyKey) return propertyItems(doc, path.slice(0, -1), replace);
  return valueItems(doc, path, replace, version);
}

function propertyItems(doc: ParsedDocument, objectPath: (string | number)[], replace: Replace): HnsCompletionItem[] {
  const start = schemaStart(doc, objectPath);
  if (!start) return [];
  const schemas = schemasAt(start.start, start.root, start.node, start.rest);
  const existing = new Set(pairs(locate(doc.root, formatPointer(objectPath))?.node).map((p) => String(p.key.value)));
  const seen = new Set<string>();
  const items: HnsCompletionItem[] = [];
  for (const s of schemas) {
    const props = s.properties;
    if (!props || typeof props !== 'object') continue;
    for (const [name, raw] of Object.entries(props as Record<string, Schema>)) {
      if (seen.has(name) || existing.has(name)) continue;
      seen.add(name);
      const prop = schemasAt([raw], start.root, undefined, []);
      const description = first(prop, 'description');
      // Read-only output fields are valid but never worth typing.
      if (prop.some((p) => p.readOnly === true)) continue;
      items.push({
        label: name,
        kind: 'property',
        detail: typeSummary(prop),
        documentation: description,
        insertText: `${quotedText(name, replace)}: ${valueSnippet(prop)}`,
        isSnippet: true,
        replace: span(replace),
        sortText: `${name === 'Type' ? '0' : '1'}${name}`,
      });
    }
  }
  return items;
}

/** A placeholder value for a property of these schemas. */
function valueSnippet(schemas: Schema[]): string {
  const e = enumOf(schemas);
  if (e) return `"\${1|${HNS_ENUMS[e].values.map((v) => v.name).join(',')}|}"`;
  if (flagsOf(schemas)) return '${1:0}';
  const ref = refName(schemas);
  const type = first(schemas, 'type');
  if (type === 'string') return '"$1"';
  if (type === 'integer') return '${1:0}';
  if (type === 'boolean') return '${1|true,false|}';
  if (type === 'array') {
    const items = first<Schema>(schemas, 'items', 'object');
    const union = items ? refName([items]) : undefined;
    return policiesFor(union) ? '[\n\t$1\n]' : '[$1]';
  }
  return ref || type === 'object' ? '{$1}' : '$1';
}

function valueItems(doc: ParsedDocument, path: (string | number)[], replace: Replace, version: WindowsVersion): HnsCompletionItem[] {
  if (!path.length) return [];
  const last = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  // An item of a policy list: whole policies as snippets.
  if (typeof last === 'number') {
    const start = schemaStart(doc, parentPath);
    if (!start) return [];
    const arraySchemas = schemasAt(start.start, start.root, start.node, start.rest);
    const items = first<Schema>(arraySchemas, 'items', 'object');
    const policies = policiesFor(items ? refName([items]) : undefined);
    return policies ? policySnippets(policies.specs, policies.v1, replace, version) : [];
  }
  const start = schemaStart(doc, path);
  if (!start) return [];
  const schemas = schemasAt(start.start, start.root, start.node, start.rest);
  // The Type of a policy: the types valid in that list, with their facts.
  if (last === 'Type') {
    const policies = policiesFor(policyUnionAt(doc, parentPath));
    if (policies) {
      return policies.specs.map((p, i) => ({
        label: p.type,
        kind: 'enum' as const,
        detail: 'policy type',
        documentation: policyFacts(p, version),
        insertText: quotedText(p.type, replace),
        replace: span(replace),
        sortText: String(i).padStart(3, '0'),
      }));
    }
  }
  const e = enumOf(schemas);
  if (e) {
    return HNS_ENUMS[e].values.map((v, i) => ({
      label: v.name,
      kind: 'enum' as const,
      detail: v.value !== undefined ? `= ${v.value}` : undefined,
      documentation: v.description,
      insertText: quotedText(v.name, replace),
      replace: span(replace),
      sortText: String(i).padStart(3, '0'),
    }));
  }
  const f = flagsOf(schemas);
  if (f) {
    return HNS_FLAGS[f].bits
      .filter((b) => b.value !== undefined)
      .map((b, i) => ({
        label: String(b.value),
        kind: 'value' as const,
        detail: b.name,
        documentation: b.description,
        replace: span(replace),
        sortText: String(i).padStart(3, '0'),
      }));
  }
  if (first(schemas, 'type') === 'boolean') return ['true', 'false'].map((label) => ({ label, kind: 'value' as const, replace: span(replace) }));
  return [];
}

/** The policy union (V1Policy, NetworkPolicy, EndpointPolicy, SubnetPolicy) the object at `objectPath` is an item of. */
function policyUnionAt(doc: ParsedDocument, objectPath: (string | number)[]): string | undefined {
  const start = schemaStart(doc, objectPath);
  if (!start) return undefined;
  if (start.rest.length === 0) return start.kind; // a bare policy document, or a CNI policy value
  const index = start.rest[start.rest.length - 1];
  if (typeof index !== 'number') return undefined;
  const arraySchemas = schemasAt(start.start, start.root, start.node, start.rest.slice(0, -1));
  const items = first<Schema>(arraySchemas, 'items', 'object');
  return items ? refName([items]) : undefined;
}

/** Snippet text for one setting's value. */
function fieldSnippet(field: Field, index: number): string {
  const t: FieldType = field.type;
  switch (t.kind) {
    case 'string':
      return `"\${${index}}"`;
    case 'bool':
      return `\${${index}|true,false|}`;
    case 'int':
      return `\${${index}:${t.format === 'vsid' ? 4096 : t.format === 'vlan' ? 1 : t.format === 'port' ? 80 : 0}}`;
    case 'enum':
      return `"\${${index}|${HNS_ENUMS[t.enum].values.map((v) => v.name).join(',')}|}"`;
    case 'flags':
      return `\${${index}:0}`;
    case 'array':
      return `[\${${index}}]`;
    default:
      return `{\${${index}}}`;
  }
}

/** The settings a snippet fills in: the required ones, or else the first three. */
function snippetFields(p: PolicySpec): [string, Field][] {
  const entries = Object.entries(p.settings);
  const required = entries.filter(([k]) => p.required?.includes(k));
  return required.length ? required : entries.slice(0, 3);
}

function policySnippets(specs: PolicySpec[], v1: boolean, replace: Replace, version: WindowsVersion): HnsCompletionItem[] {
  return specs.map((p, i) => {
    const fields = snippetFields(p).map(([k, f], j) => `"${k}": ${fieldSnippet(f, j + 1)}`);
    const insertText = v1
      ? `{ "Type": "${p.type}"${fields.length ? `, ${fields.join(', ')}` : ''} }`
      : `{ "Type": "${p.type}", "Settings": { ${fields.join(', ')} } }`.replace('{  }', '{}');
    return {
      label: `${p.type} policy`,
      kind: 'module' as const,
      detail: v1 ? 'HNS v1 policy' : 'HCN policy',
      documentation: policyFacts(p, version),
      insertText,
      isSnippet: true,
      replace: span(replace),
      sortText: String(i).padStart(3, '0'),
    };
  });
}
