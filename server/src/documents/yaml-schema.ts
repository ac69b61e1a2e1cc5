/** The YAML schema compose files are read with, by both the general and the fast path (documents/yaml*.ts). */
import jsyaml from 'js-yaml';
import type { ScalarValue } from './tree';

/**
 * Compose's own tags (`!reset`, `!override`) and any other local tag are kept as plain data: the tree records the
 * tag, nothing is ever constructed from it (no code runs because a file says so).
 */
function passThroughTags(): jsyaml.Type[] {
  const kinds = ['scalar', 'sequence', 'mapping'] as const;
  return kinds.map(
    (kind) =>
      new jsyaml.Type('!', {
        kind,
        multi: true,
        resolve: () => true,
        construct: (data: unknown) => data ?? null,
      }),
  );
}

// js-yaml exports its built-in types at run time; @types/js-yaml does not declare them.
const { merge } = (jsyaml as unknown as { types: { merge: jsyaml.Type } }).types;

// Core schema (YAML 1.2 booleans and numbers, as compose's Go parser reads them; no timestamps) plus merge keys.
export const YAML_SCHEMA = jsyaml.CORE_SCHEMA.extend([merge, ...passThroughTags()]);

/** What a scalar's constructed value becomes in the tree: null, a string, a number or a boolean. */
export function toScalarValue(result: unknown): ScalarValue {
  if (result === null || result === undefined) return null;
  if (typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean') return result;
  return String(result);
}
