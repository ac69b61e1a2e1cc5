/**
 * Located tree → plain JSON data for a validator. Merge keys are applied (as compose does), `!reset` values are
 * dropped (compose removes them), and aliases are expanded by sharing: every alias to an anchor yields the same JS
 * object, so memory stays linear. What a validator walks is the expanded size, though, so that is measured first
 * (memoized per node) and a document whose aliases expand past the budget is not handed to a validator at all:
 * an alias bomb costs a finding, not the server.
 */
import { effectivePairs, MERGE_KEY, resolve, type Node } from '../documents/tree';

export const DEFAULT_EXPANSION_BUDGET = 1_000_000;

export type ToDataResult = { ok: true; data: unknown } | { ok: false; expandedSize: number };

export function treeToData(root: Node | undefined, budget = DEFAULT_EXPANSION_BUDGET): ToDataResult {
  const size = expandedSize(root, budget);
  if (size > budget) return { ok: false, expandedSize: size };
  const memo = new Map<Node, unknown>();
  return { ok: true, data: convert(root, memo, 0, new Set()) };
}

/** True for a pair compose drops: `key: !reset ...`. */
export function isReset(node: Node): boolean {
  return node.tag === '!reset';
}

function isMergePair(keyNode: Node): boolean {
  return keyNode.kind === 'scalar' && keyNode.value === MERGE_KEY && keyNode.style === 'plain';
}

// Only anchored nodes can be reached twice (through aliases or merge keys), so only they are memoized.
function convert(node: Node | undefined, memo: Map<Node, unknown>, depth: number, active: Set<Node>): unknown {
  const n = resolve(node);
  if (!n || depth > 512) return null;
  if (n.kind === 'scalar') return n.value;
  if (n.anchor !== undefined) {
    if (memo.has(n)) return memo.get(n);
    if (active.has(n)) return null; // an alias inside its own anchor (malformed YAML): cut the cycle
    active.add(n);
  }
  let result: unknown;
  if (n.kind === 'seq') {
    result = n.items.map((item) => convert(item, memo, depth + 1, active));
  } else {
    const obj: Record<string, unknown> = {};
    for (const pair of effectivePairs(n)) {
      if (isMergePair(pair.key) || isReset(pair.value)) continue;
      const key = String(pair.key.value);
      const value = convert(pair.value, memo, depth + 1, active);
      // A key named `__proto__` must become data, not the object's prototype.
      if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      else obj[key] = value;
    }
    result = obj;
  }
  if (n.anchor !== undefined) {
    memo.set(n, result);
    active.delete(n);
  }
  return result;
}

/** Nodes a validator would visit with aliases expanded, stopping early once past `cap`. */
function expandedSize(root: Node | undefined, cap: number): number {
  const memo = new Map<Node, number>();
  const visit = (node: Node | undefined, depth: number): number => {
    const n = resolve(node);
    if (!n || depth > 512 || n.kind === 'scalar') return 1;
    const anchored = n.anchor !== undefined;
    if (anchored) {
      const known = memo.get(n);
      if (known !== undefined) return known;
      memo.set(n, 1); // guards against cycles through malformed alias targets
    }
    let total = 1;
    if (n.kind === 'seq') for (const item of n.items) total = Math.min(cap + 1, total + visit(item, depth + 1));
    else for (const pair of effectivePairs(n)) total = Math.min(cap + 1, total + visit(pair.value, depth + 1));
    if (anchored) memo.set(n, total);
    return total;
  };
  return visit(root, 0);
}
