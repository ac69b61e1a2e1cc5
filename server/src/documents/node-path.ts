/**
 * The path from the root to what is at an offset of a parsed document: the keys and indexes down to the innermost
 * node containing it, and whether the offset is on a key. Hovers, go to definition and the file-set check (which
 * finds the service a finding belongs to) all ask this.
 */
import type { Node, Pair } from './tree';

export interface PathStep {
  /** The key leading to this step (a string), or the index in a sequence. */
  key: string | number;
  pair?: Pair;
  node: Node;
}

export interface Located {
  /** Steps from the root to the innermost node containing the offset. */
  steps: PathStep[];
  /** True when the offset is on the last step's key rather than its value. */
  onKey: boolean;
}

/** The keys of the path, e.g. ['networks', 'app', 'driver']. */
export function keyPath(located: Located): (string | number)[] {
  return located.steps.map((s) => s.key);
}

export function nodePath(root: Node | undefined, offset: number): Located {
  const steps: PathStep[] = [];
  let onKey = false;
  let current = root;
  // Bounded by the document's depth (the parser caps nesting); aliases are not followed.
  while (current) {
    let next: PathStep | undefined;
    if (current.kind === 'map') {
      for (const pair of current.pairs) {
        if (offset >= pair.key.start && offset <= pair.key.end) {
          next = { key: String(pair.key.value), pair, node: pair.value };
          onKey = true;
          break;
        }
        if (offset >= pair.value.fullStart && offset <= pair.value.end && pair.value.end > pair.value.start) {
          next = { key: String(pair.key.value), pair, node: pair.value };
          break;
        }
      }
    } else if (current.kind === 'seq') {
      const index = current.items.findIndex((item) => offset >= item.fullStart && offset <= item.end);
      if (index !== -1) next = { key: index, node: current.items[index] };
    }
    if (!next) break;
    steps.push(next);
    if (onKey) break;
    current = next.node;
  }
  return { steps, onKey };
}
