/**
 * Turns a validator's raw errors (ajv, allErrors + verbose) into one problem per thing that is wrong. The noise
 * comes from unions: a value that fails `oneOf: [string, number, object]` yields an error per branch plus the
 * oneOf itself. A union is collapsed by the value's JSON type: no branch takes that type → one type problem
 * ("expected a string or a number, got a boolean: quote it"); branches that take it → only their errors are
 * kept. Everything else becomes a problem as is, so every mistake is reported, not just the first.
 */
import type { Language } from '../documents/kind';
import { acceptedTypes, dataType, isSchema, typeAccepts, typeList, type JsonType } from './json-types';
import type { SchemaError, SchemaProblem } from './problems';
import { childPointer } from '../documents/pointer';
import { closest } from '../util/closest';

export interface CollapseOptions {
  language: Language;
  /** The full schema, to follow `$ref` branches. */
  root?: Record<string, unknown>;
  /** Values whose type or form is decided later (compose `${VAR}` interpolation, template placeholders). */
  deferred?: (value: unknown) => boolean;
}

const UNION = new Set(['anyOf', 'oneOf']);
/** Keywords about the value itself (as opposed to its children or the object's keys). */
const VALUE_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'anyOf',
  'oneOf',
]);

export function collapseErrors(raw: readonly SchemaError[], options: CollapseOptions): SchemaProblem[] {
  // `if` errors only say "must match then"; the `then` errors themselves are in the list.
  let errors = raw.filter((e) => e.keyword !== 'if');
  const problems: SchemaProblem[] = [];

  for (const union of errors.filter((e) => UNION.has(e.keyword))) {
    if (!errors.includes(union)) continue; // already settled by a union at the same place
    const at = union.instancePath;
    const atP = (e: SchemaError) => e.instancePath === at;
    if (options.deferred?.(union.data)) {
      errors = errors.filter((e) => !(atP(e) && VALUE_KEYWORDS.has(e.keyword)));
      continue;
    }
    if (union.keyword === 'oneOf' && Array.isArray(union.params.passingSchemas)) {
      problems.push({
        pointer: at,
        target: { kind: 'value' },
        keyword: 'oneOf',
        message: 'matches more than one of the allowed forms; make it match exactly one',
      });
      errors = errors.filter((e) => e !== union);
      continue;
    }
    const branches = Array.isArray(union.schema) ? union.schema : [];
    const actual = dataType(union.data);
    const candidates = branches.filter((b) => typeAccepts(acceptedTypes(b, options.root), actual));
    const enumLike = enumLikeUnion(union, branches);
    if (candidates.length === 0 || enumLike) {
      // Nothing below this value was checked (no branch took its type), or the union is one enumeration.
      errors = errors.filter((e) => !(atP(e) && VALUE_KEYWORDS.has(e.keyword)));
      problems.push(
        enumLike ? enumLikeProblem(union, enumLike, options.language) : typeProblem(at, unionTypes(branches, options.root), union.data, options.language),
      );
      continue;
    }
    // Drop what the branches that could not take this type said about it; keep what the candidates said.
    errors = errors.filter((e) => !(atP(e) && (e === union || e.keyword === 'type' || (isEnumLike(e) && !enumAdmits(e, actual)))));
    const remaining = errors.some((e) => e.instancePath === at || e.instancePath.startsWith(`${at}/`));
    if (!remaining)
      problems.push({
        pointer: at,
        target: { kind: 'value' },
        keyword: union.keyword,
        message: `does not match any of the allowed forms of ${typeList(unionTypes(branches, options.root), options.language)}`,
      });
  }

  for (const e of errors) {
    if (UNION.has(e.keyword)) continue;
    const problem = toProblem(e, options);
    if (problem) problems.push(problem);
  }
  return dedupe(problems);
}

function isEnumLike(e: SchemaError): boolean {
  return e.keyword === 'enum' || e.keyword === 'const';
}

function enumAdmits(e: SchemaError, actual: JsonType): boolean {
  const values = e.keyword === 'const' ? [e.schema] : Array.isArray(e.schema) ? e.schema : [];
  return values.some((v) => typeAccepts(new Set([dataType(v)]), actual));
}

function unionTypes(branches: unknown[], root: Record<string, unknown> | undefined): Set<JsonType> {
  const all = new Set<JsonType>();
  for (const b of branches) for (const t of acceptedTypes(b, root) ?? []) all.add(t);
  return all;
}

/** winnet's enum definitions: names in `examples`, matched in any case by a pattern, or an integer. */
function enumLikeUnion(union: SchemaError, branches: unknown[]): { names: string[]; flags: boolean } | undefined {
  const examples = union.parentSchema?.examples;
  if (!Array.isArray(examples) || union.keyword !== 'anyOf') return undefined;
  const simple = branches.every((b) => isSchema(b) && ((b.type === 'string' && typeof b.pattern === 'string') || b.type === 'integer'));
  if (!simple) return undefined;
  const flags = examples.every((x) => typeof x === 'number');
  return { names: flags ? [] : examples.map(String), flags };
}

function enumLikeProblem(union: SchemaError, e: { names: string[]; flags: boolean }, language: Language): SchemaProblem {
  const value = union.data;
  const at = union.instancePath;
  const intBranch = (Array.isArray(union.schema) ? union.schema : []).find((b) => isSchema(b) && b.type === 'integer') as Record<string, unknown> | undefined;
  const max = typeof intBranch?.maximum === 'number' ? intBranch.maximum : undefined;
  if (e.flags) {
    const got = typeof value === 'number' ? `${value} (out of range)` : typeof value === 'string' ? `\`${value}\`` : typeName(value, language);
    const hint = typeof value === 'string' && /^\d+$/.test(value.trim()) ? ': remove the quotes' : '';
    return {
      pointer: at,
      target: { kind: 'value' },
      keyword: 'enum',
      message: `expected an integer bit mask (as clients send it) or a flag name, got ${got}${hint}`,
    };
  }
  const names = e.names;
  const shown = names.length > 20 ? `${names.slice(0, 20).join(', ')}, …` : names.join(', ');
  const range = max !== undefined ? `an integer 0–${max}` : 'an integer';
  if (typeof value === 'string') {
    const guess = closest(value, names);
    return {
      pointer: at,
      target: { kind: 'value' },
      keyword: 'enum',
      message: `\`${value}\` is not a valid value${guess ? ` (did you mean \`${guess}\`?)` : ''}: expected one of ${shown} (any case) or ${range}`,
      detail: { allowed: names },
    };
  }
  if (typeof value === 'number')
    return {
      pointer: at,
      target: { kind: 'value' },
      keyword: 'enum',
      message: `${value} is out of range: expected one of ${shown}, or ${range}`,
      detail: { allowed: names },
    };
  return {
    pointer: at,
    target: { kind: 'value' },
    keyword: 'type',
    message: `expected a name (${shown}) or ${range}, got ${typeName(value, language)}`,
    detail: { allowed: names },
  };
}

function typeName(value: unknown, language: Language): string {
  return typeList([dataType(value)], language);
}

function typeProblem(pointer: string, expected: Set<JsonType>, value: unknown, language: Language): SchemaProblem {
  const actual = dataType(value);
  return {
    pointer,
    target: { kind: 'value' },
    keyword: 'type',
    message: `expected ${typeList(expected, language)}, got ${typeList([actual], language)}${typeHint(expected, value)}`,
    detail: { expected: [...expected] },
  };
}

/** The fix when the value is right but spelled as the wrong JSON type. */
function typeHint(expected: Set<JsonType>, value: unknown): string {
  const actual = dataType(value);
  if (expected.has('string') && (actual === 'number' || actual === 'integer' || actual === 'boolean')) return ': quote it';
  if (typeof value === 'string') {
    const wantsNumber = expected.has('number') || expected.has('integer');
    if (wantsNumber && /^-?\d+(\.\d+)?$/.test(value.trim())) return ': remove the quotes';
    if (expected.has('boolean') && /^(true|false)$/i.test(value.trim())) return ': remove the quotes';
  }
  return '';
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `\`${value.length > 60 ? `${value.slice(0, 57)}…` : value}\``;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'the value';
}

function toProblem(e: SchemaError, options: CollapseOptions): SchemaProblem | undefined {
  const at = e.instancePath;
  const value = { kind: 'value' } as const;
  if (VALUE_KEYWORDS.has(e.keyword) && options.deferred?.(e.data)) return undefined;
  switch (e.keyword) {
    case 'required': {
      const property = String(e.params.missingProperty);
      return { pointer: at, target: { kind: 'parent-key' }, keyword: 'required', message: `missing required \`${property}\``, detail: { property } };
    }
    case 'additionalProperties': {
      const property = String(e.params.additionalProperty);
      const known = isSchema(e.parentSchema?.properties) ? Object.keys(e.parentSchema.properties) : [];
      const guess = closest(property, known);
      const hint = guess
        ? guess.toLowerCase() === property.toLowerCase()
          ? `: keys are case-sensitive, write \`${guess}\``
          : `: did you mean \`${guess}\`?`
        : '';
      return {
        pointer: at,
        target: { kind: 'property-key', property },
        keyword: 'additionalProperties',
        message: `\`${property}\` is not allowed here${hint}`,
        detail: { property, suggestion: guess, caseOnly: guess?.toLowerCase() === property.toLowerCase() },
      };
    }
    case 'propertyNames': {
      const property = String(e.params.propertyName);
      return { pointer: at, target: { kind: 'property-key', property }, keyword: 'propertyNames', message: `\`${property}\` is not a valid name here` };
    }
    case 'type': {
      const expected = new Set<JsonType>((Array.isArray(e.schema) ? e.schema : [e.schema]).map(String) as JsonType[]);
      return typeProblem(at, expected, e.data, options.language);
    }
    case 'enum': {
      const allowed = Array.isArray(e.schema) ? e.schema : [];
      const guess =
        typeof e.data === 'string'
          ? closest(
              e.data,
              allowed.filter((a): a is string => typeof a === 'string'),
            )
          : undefined;
      const list = allowed.map((a) => `\`${String(a)}\``).join(', ');
      return {
        pointer: at,
        target: value,
        keyword: 'enum',
        message: `${describeValue(e.data)} is not one of ${list}${guess ? `: did you mean \`${guess}\`?` : ''}`,
        detail: { allowed },
      };
    }
    case 'const':
      return { pointer: at, target: value, keyword: 'const', message: `must be \`${JSON.stringify(e.schema)}\`` };
    case 'pattern': {
      const pattern = String(e.schema);
      if (pattern === '^[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}$')
        return { pointer: at, target: value, keyword: 'pattern', message: `${describeValue(e.data)} is not a GUID (8-4-4-4-12 hexadecimal digits)` };
      return { pointer: at, target: value, keyword: 'pattern', message: `${describeValue(e.data)} does not match the pattern \`${pattern}\`` };
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return {
        pointer: at,
        target: value,
        keyword: e.keyword,
        message: `${describeValue(e.data)} is too small: the minimum is ${String(e.schema)}${e.keyword === 'exclusiveMinimum' ? ' (exclusive)' : ''}`,
      };
    case 'maximum':
    case 'exclusiveMaximum':
      return {
        pointer: at,
        target: value,
        keyword: e.keyword,
        message: `${describeValue(e.data)} is too large: the maximum is ${String(e.schema)}${widthNote(e.schema)}`,
      };
    case 'uniqueItems': {
      const i = Number(e.params.i);
      const j = Number(e.params.j);
      if (Number.isInteger(i) && Number.isInteger(j))
        return {
          pointer: childPointer(at, Math.max(i, j)),
          target: value,
          keyword: 'uniqueItems',
          message: `duplicate of item ${Math.min(i, j) + 1}: items must be unique`,
        };
      return { pointer: at, target: value, keyword: 'uniqueItems', message: 'items must be unique' };
    }
    default:
      return {
        pointer: at,
        target: value,
        keyword: e.keyword,
        message: e.message ?? `does not satisfy the schema's \`${e.keyword}\` (${JSON.stringify(e.params)})`,
      };
  }
}

function widthNote(max: unknown): string {
  if (max === 255) return ' (an 8-bit value)';
  if (max === 65535) return ' (a 16-bit value)';
  if (max === 4294967295) return ' (a 32-bit value)';
  return '';
}

function dedupe(problems: SchemaProblem[]): SchemaProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.pointer}\u0000${p.target.kind}\u0000${p.target.kind === 'property-key' ? p.target.property : ''}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
