/**
 * Which subschemas apply at a path of a document: follows `properties`, `items`, `$ref`, `allOf`, and the
 * `if`/`then` branches whose condition the data meets (how policies pick their Settings by Type), and keeps the
 * `anyOf`/`oneOf` branches that accept the data's JSON type. Hovers and completion read descriptions, types and
 * allowed values from what this returns, so they say exactly what the validators check.
 */
import { asMap, asScalar, asSeq, getPair, resolve, type Node } from '../documents/tree';
import { isSchema, resolveRef, type JsonType } from '../schema/json-types';

export type Schema = Record<string, unknown>;

function nodeType(node: Node | undefined): JsonType | undefined {
  const n = resolve(node);
  if (!n) return undefined;
  if (n.kind === 'map') return 'object';
  if (n.kind === 'seq') return 'array';
  const v = n.value;
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return 'string';
}

/** A small evaluator for the conditions winnet's schemas use in `if` (type, pattern, enum, const, required, properties). */
function matches(schema: unknown, node: Node | undefined, root: Schema, depth = 0): boolean {
  if (!isSchema(schema) || depth > 8) return true;
  const s = resolveRef(schema, root) ?? schema;
  const type = nodeType(node);
  if (typeof s.type === 'string' && type !== s.type && !(s.type === 'number' && type === 'integer')) return false;
  const scalar = asScalar(node);
  if (typeof s.pattern === 'string' && typeof scalar?.value === 'string') {
    try {
      if (!new RegExp(s.pattern, 'u').test(scalar.value)) return false;
    } catch {
      return true;
    }
  }
  if (Array.isArray(s.enum) && !s.enum.includes(scalar?.value)) return false;
  if ('const' in s && s.const !== scalar?.value) return false;
  if (Array.isArray(s.required) && !s.required.every((k) => getPair(node, String(k)))) return false;
  if (isSchema(s.properties)) {
    for (const [k, sub] of Object.entries(s.properties)) {
      const pair = getPair(node, k);
      if (pair && !matches(sub, pair.value, root, depth + 1)) return false;
    }
  }
  return true;
}

/** The schemas that describe `node` itself, with allOf, if/then and type-compatible anyOf/oneOf expanded. */
function expand(schemas: Schema[], node: Node | undefined, root: Schema, depth = 0): Schema[] {
  const out: Schema[] = [];
  for (const raw of schemas) {
    const s = resolveRef(raw, root) ?? raw;
    if (out.includes(s) || depth > 12) continue;
    out.push(s);
    // A reference with annotations beside it: the annotations stay in `raw`, the definition is `s`.
    if (raw !== s && !out.includes(raw)) out.unshift(raw);
    if (Array.isArray(s.allOf)) {
      for (const branch of s.allOf) {
        if (!isSchema(branch)) continue;
        if ('if' in branch) {
          if (node && matches(branch.if, node, root) && isSchema(branch.then)) out.push(...expand([branch.then], node, root, depth + 1));
        } else out.push(...expand([branch], node, root, depth + 1));
      }
    }
    for (const key of ['anyOf', 'oneOf'] as const) {
      const union = s[key];
      if (!Array.isArray(union)) continue;
      const type = nodeType(node);
      const fitting = union.filter((b) => !node || !isSchema(b) || matches({ type: (resolveRef(b, root) ?? b).type }, node, root));
      if (type !== undefined || !node) out.push(...expand(fitting.filter(isSchema), node, root, depth + 1));
    }
  }
  return out;
}

/** Subschemas for the value at `path` below `node` (the data the start schemas describe). */
export function schemasAt(start: Schema[], root: Schema, node: Node | undefined, path: readonly (string | number)[]): Schema[] {
  let schemas = expand(start, node, root);
  let current = node;
  for (const segment of path) {
    const next: Schema[] = [];
    let child: Node | undefined;
    if (typeof segment === 'number') {
      child = asSeq(current)?.items[segment];
      for (const s of schemas) if (isSchema(s.items)) next.push(s.items);
    } else {
      child = getPair(asMap(current), segment)?.value;
      for (const s of schemas) {
        if (isSchema(s.properties) && isSchema(s.properties[segment])) next.push(s.properties[segment] as Schema);
      }
    }
    schemas = expand(next, child, root);
    current = child;
    if (!schemas.length) break;
  }
  return schemas;
}

/** The first string value of a keyword among the schemas (descriptions live beside `$ref`s). */
export function first<T = string>(schemas: Schema[], key: string, kind: 'string' | 'object' | 'array' = 'string'): T | undefined {
  for (const s of schemas) {
    const v = s[key];
    if (kind === 'string' && typeof v === 'string') return v as T;
    if (kind === 'object' && isSchema(v)) return v as T;
    if (kind === 'array' && Array.isArray(v)) return v as T;
  }
  return undefined;
}

/** The definition a `$ref` among the schemas names (`enum.NetworkMode`, `HostComputeNetwork`, ...). */
export function refName(schemas: Schema[]): string | undefined {
  for (const s of schemas) if (typeof s.$ref === 'string') return s.$ref.replace(/^#\/definitions\//, '');
  return undefined;
}
