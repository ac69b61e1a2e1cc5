/** What is under an offset of a parsed document: the path of keys and indexes to it, and whether it is a key. */
import type { Node, Pair } from '../documents/tree';

export interface PathAt {
  path: (string | number)[];
  /** The innermost node containing the offset (the key's value when `onKey`). */
  node?: Node;
  pair?: Pair;
  onKey: boolean;
}

export function pathAt(root: Node | undefined, offset: number): PathAt {
  const path: (string | number)[] = [];
  let current = root;
  let pair: Pair | undefined;
  for (let depth = 0; current && depth < 256; depth++) {
    if (current.kind === 'map') {
      const hit = current.pairs.find((p) => offset >= p.key.start && offset <= p.key.end);
      if (hit) return { path: [...path, String(hit.key.value)], node: hit.value, pair: hit, onKey: true };
      const inValue = current.pairs.find((p) => p.value.end > p.value.start && offset >= p.value.start && offset <= p.value.end);
      if (!inValue) break;
      path.push(String(inValue.key.value));
      pair = inValue;
      current = inValue.value;
    } else if (current.kind === 'seq') {
      const index = current.items.findIndex((item) => offset >= item.start && offset <= item.end);
      if (index === -1) break;
      path.push(index);
      pair = undefined;
      current = current.items[index];
    } else break;
  }
  return { path, node: current, pair, onKey: false };
}
