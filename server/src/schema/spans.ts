/**
 * Where a schema problem goes in the text, in YAML and JSON alike: the key for an unknown property, the key that
 * names the object for a missing one, the value for a wrong value. A value that spans lines (a block mapping or
 * list) is marked by its key, or by its first line when it has none, never by the rest of the file.
 */
import { asMap, resolve, type Node } from '../documents/tree';
import type { Span } from '../documents/text';
import { locate, pairIn } from '../documents/pointer';
import type { SchemaProblem } from './problems';

export function problemSpan(root: Node | undefined, text: string, problem: SchemaProblem, base = ''): Span | undefined {
  const located = locate(root, base + problem.pointer);
  if (!located) return undefined;
  const { node, pair } = located;
  if (!located.exact) return keyOrOpening(node, pair, text);
  switch (problem.target.kind) {
    case 'property-key': {
      const property = pairIn(node, problem.target.property);
      return property ? spanOf(property.key) : keyOrOpening(node, pair, text);
    }
    case 'parent-key':
      return keyOrOpening(node, pair, text);
    case 'value':
      return valueSpan(node, pair, text);
  }
}

function spanOf(n: { start: number; end: number }): Span {
  return { start: n.start, end: n.end };
}

function isSingleLine(n: Node, text: string): boolean {
  return text.slice(n.start, n.end).indexOf('\n') === -1;
}

/** The value itself when it is a scalar or a one-line flow collection; otherwise its key, or its first line. */
function valueSpan(node: Node, pair: { key: Node } | undefined, text: string): Span {
  const n = resolve(node) ?? node;
  const inline = node.kind === 'scalar' || node.kind === 'alias' || ((n.kind === 'map' || n.kind === 'seq') && n.flow && isSingleLine(node, text));
  if (inline) {
    // `key:` with nothing after it has an empty span: mark the key instead, so the finding is visible.
    if (node.end > node.start) return spanOf(node);
    return pair ? spanOf(pair.key) : { start: node.start, end: node.start };
  }
  return keyOrOpening(node, pair, text);
}

/** The key naming the object; without one, its opening bracket (flow / JSON) or its first key (block YAML). */
function keyOrOpening(node: Node, pair: { key: Node } | undefined, text: string): Span {
  if (pair) return spanOf(pair.key);
  const n = resolve(node) ?? node;
  if (n.kind === 'map' || n.kind === 'seq') {
    if (n.flow) return { start: n.start, end: Math.min(n.start + 1, n.end) };
    const first = asMap(n)?.pairs[0];
    if (first) return spanOf(first.key);
  }
  if (isSingleLine(n, text)) return spanOf(n);
  let lineEnd = text.indexOf('\n', n.start);
  if (lineEnd === -1) return spanOf(n);
  if (text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  return { start: n.start, end: Math.max(n.start, lineEnd) };
}
