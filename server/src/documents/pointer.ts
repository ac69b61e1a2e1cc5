/**
 * JSON pointers (RFC 6901, as validators report `instancePath`) resolved against the located tree, through
 * aliases and merge keys the same way tree-data.ts builds the data, so every error lands on the text that
 * wrote the value, even when that text is an anchor elsewhere in the file.
 */
import { asSeq, getPair, resolve, type Node, type Pair } from './tree';

export type Segment = string | number;

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer of a child: `childPointer('/a', 'b/c')` is `/a/b~1c`. */
export function childPointer(pointer: string, segment: Segment): string {
  const s = String(segment);
  // Most keys need no escaping; skip the regexes for them (pointers are built for every field of large documents).
  return s.indexOf('~') === -1 && s.indexOf('/') === -1 ? `${pointer}/${s}` : `${pointer}/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function formatPointer(segments: readonly Segment[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export interface Located {
  /** The value at the pointer. */
  node: Node;
  /** The mapping pair whose value it is (undefined for the root and for sequence items). */
  pair?: Pair;
  /** The nearest enclosing pair, for values that have no key of their own (sequence items). */
  ownerPair?: Pair;
  /** False when the pointer goes further than the tree: `node` is then the deepest node that exists. */
  exact: boolean;
}

/** The node a pointer names, or the deepest node on its way when the rest does not exist. */
export function locate(root: Node | undefined, pointer: string): Located | undefined {
  if (!root) return undefined;
  let current: Located = { node: root, exact: true };
  for (const segment of parsePointer(pointer)) {
    const seq = asSeq(current.node);
    if (seq && /^(0|[1-9][0-9]*)$/.test(segment)) {
      const item = seq.items[Number(segment)];
      if (!item) return { ...current, exact: false };
      current = { node: item, ownerPair: current.pair ?? current.ownerPair, exact: true };
      continue;
    }
    const pair = getPair(current.node, segment);
    if (!pair) return { ...current, exact: false };
    current = { node: pair.value, pair, ownerPair: pair, exact: true };
  }
  return current;
}

/** The pair with key `name` directly in the mapping at `node`. */
export function pairIn(node: Node | undefined, name: string): Pair | undefined {
  return getPair(resolve(node), name);
}
