export type ProblemTarget =
  /** The key of `property` inside the object at `pointer` (additionalProperties, propertyNames). */
  | { kind: 'property-key'; property: string }
  /** The key naming the object at `pointer` (required, and anything about the object as a whole). */
  | { kind: 'parent-key' }
  /** The value at `pointer` (type, enum, pattern, ranges). */
  | { kind: 'value' };

export interface SchemaProblem {
  pointer: string;
  target: ProblemTarget;
  keyword: string;
  message: string;
  /** Extra facts for rules that reword or grade problems (e.g. the property name, the allowed values). */
  detail?: { property?: string; suggestion?: string; caseOnly?: boolean; allowed?: readonly unknown[]; expected?: readonly string[] };
}

/** An ajv error as the precompiled validators report it (their generated declaration). */
export type { SchemaError } from '../generated/compose-validators';
