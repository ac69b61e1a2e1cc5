/**
 * One pass of a precompiled validator over (part of) a located tree: tree → data, validate, collapse the errors,
 * place each problem in the text. A validator that throws, or a tree that expands past the alias budget, yields a
 * single note instead of findings, so bad input never takes a rule down.
 */
import type { Language } from '../documents/kind';
import type { Span } from '../documents/text';
import type { Node } from '../documents/tree';
import { collapseErrors } from './collapse';
import { locate } from '../documents/pointer';
import type { SchemaError, SchemaProblem } from './problems';
import { problemSpan } from './spans';
import { DEFAULT_EXPANSION_BUDGET, treeToData } from './tree-data';

export interface ValidatorFn {
  (data: unknown): boolean;
  errors?: readonly SchemaError[] | null;
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
  const budget = input.budget ?? DEFAULT_EXPANSION_BUDGET;
  const found = problemsOf(target, input.validator, input, budget);
  if (!found.ok) return found;
  return { ok: true, problems: place(input, [{ base, problems: found.problems }]) };
}

/** A part of the document validated on its own: its pointer, its node and the validator for it. */
export interface Part {
  base: string;
  node: Node;
  validator: ValidatorFn;
}

/** A part's problems, relative to the part (spans are placed on every check: an edit before it moves them). */
export interface PartProblems {
  problems: SchemaProblem[];
  expandedSize: number;
}

/**
 * validateTree over the document with `parts` validated apart: the document is validated with each part's node
 * as `{}`, and each part with its own validator. What a part's validator reports is kept in `cache` by the part's
 * node: a node is unchanged as long as it exists (an incremental re-parse makes new nodes for what it re-read,
 * and only moves the others), so after an edit only the edited part is validated again. The alias budget counts
 * every part, cached or not.
 */
export function validateParts(input: ValidateInput & { parts: readonly Part[]; cache: WeakMap<Node, PartProblems> }): ValidateOutcome {
  const budget = input.budget ?? DEFAULT_EXPANSION_BUDGET;
  const top = problemsOf(input.root, input.validator, input, budget, new Set(input.parts.map((p) => p.node)));
  if (!top.ok) return top;
  let used = top.expandedSize;
  const found: { base: string; problems: SchemaProblem[] }[] = [{ base: '', problems: top.problems }];
  for (const part of input.parts) {
    let result = input.cache.get(part.node);
    if (!result) {
      const fresh = problemsOf(part.node, part.validator, input, budget - used, undefined, budget);
      if (!fresh.ok) return fresh;
      result = fresh;
      input.cache.set(part.node, result);
    }
    used += result.expandedSize;
    if (used > budget) return { ok: false, reason: overBudget(budget) };
    found.push({ base: part.base, problems: result.problems });
  }
  return { ok: true, problems: place(input, found) };
}

function overBudget(budget: number): string {
  return `its anchors and aliases expand to more than ${budget.toLocaleString('en-US')} values`;
}

function problemsOf(
  node: Node | undefined,
  validator: ValidatorFn,
  input: Pick<ValidateInput, 'language' | 'schema' | 'deferred'>,
  limit: number,
  stubs?: ReadonlySet<Node>,
  /** The whole document's budget, for the message, when `limit` is what is left of it. */
  budget = limit,
): ({ ok: true } & PartProblems) | { ok: false; reason: string } {
  const converted = treeToData(node, limit, stubs);
  if (!converted.ok) return { ok: false, reason: overBudget(budget) };
  let errors: readonly SchemaError[];
  try {
    errors = validator(converted.data) ? [] : (validator.errors ?? []);
  } catch (error) {
    return { ok: false, reason: `the validator failed (${error instanceof Error ? error.message : String(error)})` };
  }
  return {
    ok: true,
    problems: collapseErrors(errors, { language: input.language, root: input.schema, deferred: input.deferred }),
    expandedSize: converted.expandedSize,
  };
}

function place(input: Pick<ValidateInput, 'root' | 'text'>, found: readonly { base: string; problems: readonly SchemaProblem[] }[]): PlacedProblem[] {
  const placed: PlacedProblem[] = [];
  // A value in an anchor used twice fails twice; it is one mistake in one place of the text.
  const seen = new Set<string>();
  for (const { base, problems } of found) {
    for (const p of problems) {
      const span = problemSpan(input.root, input.text, p, base);
      const key = span && `${span.start}:${span.end}:${p.message}`;
      if (!span || seen.has(key!)) continue;
      seen.add(key!);
      placed.push({ ...p, pointer: base + p.pointer, span });
    }
  }
  return placed;
}
