/**
 * One pass of a precompiled validator over (part of) a located tree: tree → data, validate, collapse the errors,
 * place each problem in the text. A validator that throws, or a tree that expands past the alias budget, yields a
 * single note instead of findings, so bad input never takes a rule down.
 */
import type { Language } from '../documents/kind';
import type { Span } from '../documents/text';
import type { Node } from '../documents/tree';
import { collapseErrors } from './collapse';
import { locate } from './pointer';
import type { SchemaErrorLike, SchemaProblem } from './problems';
import { problemSpan } from './spans';
import { DEFAULT_EXPANSION_BUDGET, treeToData } from './tree-data';

export interface ValidatorFn {
  (data: unknown): boolean;
  errors?: readonly SchemaErrorLike[] | null;
}

export interface PlacedProblem extends SchemaProblem {
  span: Span;
}

export interface ValidateInput {
  /** The document root (pointers resolve from here). */
  root: Node | undefined;
  text: string;
  language: Language;
  validator: ValidatorFn;
  /** The pointer of the part to validate ('' = the root), and its node when the caller has it. */
  base?: string;
  node?: Node;
  /** The full schema the validator was compiled from, for `$ref` branches. */
  schema?: Record<string, unknown>;
  deferred?: (value: unknown) => boolean;
  budget?: number;
}

export type ValidateOutcome = { ok: true; problems: PlacedProblem[] } | { ok: false; reason: string };

export function validateTree(input: ValidateInput): ValidateOutcome {
  const base = input.base ?? '';
  const located = base ? locate(input.root, base) : undefined;
  if (base && !located?.exact) return { ok: true, problems: [] };
  const target = input.node ?? (located ? located.node : input.root);
  const converted = treeToData(target, input.budget ?? DEFAULT_EXPANSION_BUDGET);
  if (!converted.ok) return { ok: false, reason: `its anchors and aliases expand to more than ${(input.budget ?? DEFAULT_EXPANSION_BUDGET).toLocaleString('en-US')} values` };
  let errors: readonly SchemaErrorLike[];
  try {
    errors = input.validator(converted.data) ? [] : (input.validator.errors ?? []);
  } catch (error) {
    return { ok: false, reason: `the validator failed (${error instanceof Error ? error.message : String(error)})` };
  }
  const problems = collapseErrors(errors, { language: input.language, root: input.schema, deferred: input.deferred });
  const placed: PlacedProblem[] = [];
  // A value in an anchor used twice fails twice; it is one mistake in one place of the text.
  const seen = new Set<string>();
  for (const p of problems) {
    const span = problemSpan(input.root, input.text, p, base);
    const key = span && `${span.start}:${span.end}:${p.message}`;
    if (!span || seen.has(key!)) continue;
    seen.add(key!);
    placed.push({ ...p, pointer: base + p.pointer, span });
  }
  return { ok: true, problems: placed };
}
