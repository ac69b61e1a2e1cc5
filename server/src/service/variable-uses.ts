/**
 * The `${...}` expressions of a compose document where the editor shows them: each variable compose looks up
 * (compose/resolve.ts), placed in the document's text, with what the expression becomes and where its value came
 * from. Hover, go to definition and inlay hints all read this list.
 */
import type { Binding, Environment } from '../compose/environment';
import { type InterpolationOperator, interpolate } from '../compose/interpolation';
import type { Resolution, Substitution } from '../compose/resolve';
import type { ParsedDocument } from '../documents/document';
import type { Span } from '../documents/text';

export interface PlacedUse {
  name: string;
  /** The expression as written: `${ISOLATION:-process}`. */
  expression: string;
  /** Where the expression is in the document's text. */
  span: Span;
  operator?: InterpolationOperator;
  /** The variable's value and where it came from; undefined when it is not set. */
  binding?: Binding;
  /** What the expression becomes; undefined when compose would stop on it (a required variable without a value). */
  value?: string;
  /**
   * Whether winnet knows the value: every variable it reads is set or has an operator that decides. An unset `${X}`
   * becomes an empty string where compose runs only if the shell does not set it either, so it is not known.
   */
  known: boolean;
  /** Why compose would stop on it, when it would. */
  problem?: string;
  /** Inside another expression (`${B}` in `${A:-${B}}`): the outer one's value already includes it. */
  nested: boolean;
  substitution: Substitution;
}

const PLACED = new WeakMap<Resolution, PlacedUse[]>();

/** Every variable use of the document, in text order (once per resolution). */
export function placedUses(doc: ParsedDocument, resolution: Resolution): PlacedUse[] {
  let placed = PLACED.get(resolution);
  if (!placed) {
    placed = resolution.substitutions.flatMap((s) => place(doc.text, s, resolution.env));
    PLACED.set(resolution, placed);
  }
  return placed;
}

/** The innermost expression at `offset` (its ends included, where a cursor after `}` still touches it). */
export function useAt(uses: readonly PlacedUse[], offset: number): PlacedUse | undefined {
  let found: PlacedUse | undefined;
  for (const use of uses) {
    if (use.span.start > offset) break;
    if (offset <= use.span.end && (!found || use.span.start >= found.span.start)) found = use;
  }
  return found;
}

function place(text: string, s: Substitution, env: Environment): PlacedUse[] {
  const spans = textSpans(text, s);
  const placed: PlacedUse[] = [];
  s.uses.forEach((use, i) => {
    const span = spans[i];
    if (!span) return;
    const expression = s.written.slice(use.span.start, use.span.end);
    // What this expression alone becomes: the variable's value, or what its operator makes of it.
    const result = interpolate(expression, (name) => env.get(name)?.value);
    const problem = result.problems[0]?.message;
    const value = problem === undefined ? result.value : undefined;
    const known = value !== undefined && result.uses.every((u) => u.set || u.operator !== undefined);
    placed.push({ name: use.name, expression, span, operator: use.operator, binding: use.binding, value, known, problem, nested: false, substitution: s });
  });
  // Outer expressions before the ones they hold; a use that ends within an earlier one is nested in it.
  placed.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  let reach = -1;
  for (const use of placed) {
    use.nested = use.span.end <= reach;
    reach = Math.max(reach, use.span.end);
  }
  return placed;
}

/**
 * Each use's span in the document's text. A plain or quoted scalar whose text is its value (no escapes, no folded
 * lines) maps offset for offset; otherwise (a block scalar, an escape before the expression) each expression is
 * looked for in the scalar's text, in order. A use that cannot be found is left out rather than misplaced.
 */
function textSpans(text: string, s: Substitution): (Span | undefined)[] {
  const { node, written } = s;
  const base = node.style === 'single' || node.style === 'double' ? node.start + 1 : node.start;
  if ((node.style === 'plain' || node.style === 'single' || node.style === 'double') && text.startsWith(written, base))
    return s.uses.map((u) => ({ start: base + u.span.start, end: base + u.span.end }));
  let from = node.start;
  return s.uses.map((u) => {
    const expression = written.slice(u.span.start, u.span.end);
    const at = text.indexOf(expression, from);
    if (at === -1 || at + expression.length > node.end) return undefined;
    // The next use may be nested in this one: search on from just after this one's start.
    from = at + 1;
    return { start: at, end: at + expression.length };
  });
}
