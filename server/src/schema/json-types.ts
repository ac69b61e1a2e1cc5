/**
 * JSON types of data and what a (sub)schema accepts, following local `$ref`s into the root schema. Used to tell
 * which oneOf/anyOf branch a value was meant for, and to word type errors ("expected a string or a number").
 */
import type { Language } from '../documents/kind';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';
type Schema = Record<string, unknown>;

export function dataType(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return 'object';
}

export function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `#/...` reference; anything else (or a broken one) yields undefined. */
export function resolveRef(schema: Schema, root: Schema | undefined): Schema | undefined {
  let current: Schema | undefined = schema;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 16; hops++) {
    const ref: string = current.$ref as string;
    if (!root || !ref.startsWith('#')) return undefined;
    let target: unknown = root;
    for (const part of ref.slice(1).split('/').filter(Boolean)) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      target = isSchema(target) ? target[key] : undefined;
    }
    current = isSchema(target) ? target : undefined;
  }
  return current;
}

/** The JSON types a schema can accept; undefined: any type. */
export function acceptedTypes(schema: unknown, root: Schema | undefined, depth = 0): Set<JsonType> | undefined {
  if (!isSchema(schema) || depth > 16) return undefined;
  const s = typeof schema.$ref === 'string' ? resolveRef(schema, root) : schema;
  if (!s) return undefined;
  if (typeof s.type === 'string') return new Set([s.type as JsonType]);
  if (Array.isArray(s.type)) return new Set(s.type as JsonType[]);
  const union = Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : undefined;
  if (union) {
    const all = new Set<JsonType>();
    for (const branch of union) {
      const types = acceptedTypes(branch, root, depth + 1);
      if (!types) return undefined;
      for (const t of types) all.add(t);
    }
    return all;
  }
  if (Array.isArray(s.enum)) return new Set(s.enum.map(dataType));
  if ('const' in s) return new Set([dataType(s.const)]);
  return undefined;
}

export function typeAccepts(types: Set<JsonType> | undefined, actual: JsonType): boolean {
  return !types || types.has(actual) || (actual === 'integer' && types.has('number'));
}

const ARTICLE: Record<JsonType, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  null: 'null',
  array: 'an array',
  object: 'an object',
};
const YAML_WORDS: Partial<Record<JsonType, string>> = { array: 'a list', object: 'a mapping' };

function typeName(type: JsonType, language: Language): string {
  return (language === 'yaml' && YAML_WORDS[type]) || ARTICLE[type];
}

/** "a string, a number or a boolean" in a stable order (integer folds into number when both are allowed). */
export function typeList(types: Iterable<JsonType>, language: Language): string {
  const order: JsonType[] = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];
  const set = new Set(types);
  if (set.has('number')) set.delete('integer');
  const names = order.filter((t) => set.has(t)).map((t) => typeName(t, language));
  return names.length <= 1 ? (names[0] ?? 'something else') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
