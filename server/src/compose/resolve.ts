/**
 * A compose tree as compose reads it after substituting variables: every string value with `$` in it is
 * interpolated (compose/interpolation.ts) against the environment (compose/environment.ts), so the rules judge the
 * value compose would send. The substituted scalars are copies that keep the spans of the text as written, so a
 * finding still points at the `${...}` in the file; what each one became, and from where, is recorded for the
 * engine to say so in the message.
 *
 * A value is substituted only when compose would know it: a variable that is unset and has no default (`${X}`), or a
 * required one (`${X:?msg}`) that is unset, leaves the value as written, which rules take as unknown, as they always
 * have; the `compose-variable` rule reports those. Keys are never substituted (compose interpolates values only).
 */
import type { ParsedDocument } from '../documents/document';
import type { AliasNode, MapNode, Node, Pair, ScalarNode, SeqNode } from '../documents/tree';
import { type Binding, type Environment, NO_ENVIRONMENT } from './environment';
import { type InterpolationProblem, interpolate, type VariableUse } from './interpolation';

export interface Substitution {
  /** The scalar as written (its spans are the text's). */
  node: ScalarNode;
  /** The text as written. */
  written: string;
  /** What compose substitutes, when it can be known. */
  value?: string;
  /** Each variable looked up, with the value it had and where that came from. */
  uses: (VariableUse & { binding?: Binding })[];
  problems: InterpolationProblem[];
}

export interface Resolution {
  /** The document to check: the same text and spans, substituted values. The input itself when nothing changed. */
  doc: ParsedDocument;
  /** Every scalar with a variable, in text order, substituted or not. */
  substitutions: Substitution[];
  env: Environment;
}

const CACHE = new WeakMap<Node, { env: Environment; resolution: Resolution }>();

/** The document with its variables substituted from `env` (once per parse and environment). */
export function resolveDocument(doc: ParsedDocument, env: Environment = NO_ENVIRONMENT): Resolution {
  const root = doc.root;
  // Most compose files have no variable at all: nothing to copy or walk.
  if (!root || !doc.text.includes('$')) return { doc, substitutions: [], env };
  const cached = CACHE.get(root);
  if (cached && cached.env === env) return cached.resolution;
  const substitutions: Substitution[] = [];
  const copies = new Map<Node, Node>();
  const resolved = copy(root, env, copies, substitutions);
  substitutions.sort((a, b) => a.node.start - b.node.start);
  const resolution: Resolution = { doc: resolved === root ? doc : { ...doc, root: resolved }, substitutions, env };
  CACHE.set(root, { env, resolution });
  return resolution;
}

/** `node` with its values substituted; `node` itself when nothing below it changes. Aliases follow their copies. */
function copy(node: Node, env: Environment, copies: Map<Node, Node>, out: Substitution[]): Node {
  const done = copies.get(node);
  if (done) return done;
  switch (node.kind) {
    case 'scalar': {
      const result = scalar(node, env, out);
      copies.set(node, result);
      return result;
    }
    case 'alias': {
      // Registered before the target is copied, so an alias cycle ends here.
      const alias: AliasNode = { ...node };
      copies.set(node, alias);
      alias.target = node.target && copy(node.target, env, copies, out);
      if (alias.target === node.target) copies.set(node, node);
      return copies.get(node)!;
    }
    case 'seq': {
      const seq: SeqNode = { ...node, items: [] };
      copies.set(node, seq);
      let changed = false;
      for (const item of node.items) {
        const c = copy(item, env, copies, out);
        changed ||= c !== item;
        seq.items.push(c);
      }
      if (!changed) copies.set(node, node);
      return changed ? seq : node;
    }
    case 'map': {
      const map: MapNode = { ...node, pairs: [] };
      copies.set(node, map);
      let changed = false;
      for (const pair of node.pairs) {
        const value = copy(pair.value, env, copies, out);
        changed ||= value !== pair.value;
        map.pairs.push(value === pair.value ? pair : ({ key: pair.key, value } satisfies Pair));
      }
      if (!changed) copies.set(node, node);
      return changed ? map : node;
    }
  }
}

function scalar(node: ScalarNode, env: Environment, out: Substitution[]): ScalarNode {
  if (typeof node.value !== 'string' || !node.value.includes('$')) return node;
  const written = node.value;
  const bindings = new Map<string, Binding | undefined>();
  const result = interpolate(written, (name) => {
    if (!bindings.has(name)) bindings.set(name, env.get(name));
    return bindings.get(name)?.value;
  });
  const uses = result.uses.map((u) => ({ ...u, binding: bindings.get(u.name) }));
  // compose would substitute an empty string for an unset `${X}`, or stop on a required one: the editor and a CI
  // job often lack the shell's variables, so such a value stays unknown rather than judged as empty.
  const known = !result.problems.length && uses.every((u) => u.set || u.operator !== undefined);
  if (!uses.length && result.value === written) return node; // `$` that starts no expression
  out.push({ node, written, value: known ? result.value : undefined, uses, problems: result.problems });
  if (!known || result.value === written) return node;
  return { ...node, value: result.value };
}

/** The substitutions whose scalar a span lies in or covers, in text order. */
export function substitutionsAt(resolution: Resolution, span: { start: number; end: number }): Substitution[] {
  const list = resolution.substitutions;
  // Binary search for the first scalar that ends after the span starts.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].node.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const found: Substitution[] = [];
  for (let i = lo; i < list.length && list[i].node.start < Math.max(span.end, span.start + 1); i++) found.push(list[i]);
  return found;
}
