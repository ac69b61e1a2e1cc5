/**
 * Located tree → plain JSON data for a validator. Merge keys are applied (as compose does), `!reset` values are
 * dropped (compose removes them), and aliases are expanded by sharing: every alias to an anchor yields the same JS
 * object, so memory stays linear. What a validator walks is the expanded size, though, so that is measured while
 * converting, and a document whose aliases expand past the budget is not handed to a validator at all:
 * an alias bomb costs a finding, not the server.
 */
import { effectivePairs, resolve, type MapNode, type Node, type SeqNode } from '../documents/tree';

export const DEFAULT_EXPANSION_BUDGET = 1_000_000;

export type ToDataResult = { ok: true; data: unknown; expandedSize: number } | { ok: false; expandedSize: number };

/** `stubs`: nodes converted to `{}` (parts validated on their own, see validateParts). */
export function treeToData(root: Node | undefined, budget = DEFAULT_EXPANSION_BUDGET, stubs?: ReadonlySet<Node>): ToDataResult {
  const converter = new Converter(budget, stubs);
  const data = converter.convert(root, 0);
  return converter.size > budget ? { ok: false, expandedSize: converter.size } : { ok: true, data, expandedSize: converter.size };
}

/** True for a pair compose drops: `key: !reset ...`. */
function isReset(node: Node): boolean {
  return node.tag === '!reset';
}

/**
 * One walk that converts and measures at once: `size` counts the nodes a validator will visit with aliases
 * expanded (a memoized anchor adds its whole size again at every use), and once it passes the budget the walk
 * stops converting, so an alias bomb costs about `budget` steps.
 */
class Converter {
  size = 0;
  // Only anchored nodes can be reached twice (through aliases or merge keys), so only they are memoized.
  private readonly memo = new Map<Node, { data: unknown; size: number }>();
  private readonly active = new Set<Node>();

  constructor(
    private readonly budget: number,
    private readonly stubs?: ReadonlySet<Node>,
  ) {}

  private grow(by: number): void {
    this.size = Math.min(this.budget + 1, this.size + by);
  }

  // The walk runs once per service on every first open, so the common case (a parsed mapping or sequence with
  // no anchor, alias, merge key or tag) takes the shortest path: no resolve() call, no memo lookups, the pairs
  // as parsed (effectivePairs only when the mapping has merge keys; it never returns the `<<` pairs themselves).
  convert(node: Node | undefined, depth: number): unknown {
    if (this.size > this.budget) return null;
    if (node && this.stubs?.has(node)) {
      this.size++;
      return {};
    }
    const n = node !== undefined && node.kind === 'alias' ? resolve(node) : node;
    if (n === undefined || depth > 512) {
      this.size++;
      return null;
    }
    if (n.kind === 'scalar') {
      this.size++;
      return n.value;
    }
    if (n.anchor === undefined) {
      this.size++;
      return this.collection(n, depth);
    }
    const known = this.memo.get(n);
    if (known) {
      this.grow(known.size);
      return known.data;
    }
    if (this.active.has(n)) {
      // an alias inside its own anchor (malformed YAML): cut the cycle
      this.size++;
      return null;
    }
    this.active.add(n);
    const before = this.size;
    this.size++;
    const result = this.collection(n, depth);
    this.memo.set(n, { data: result, size: this.size - before });
    this.active.delete(n);
    return result;
  }

  private collection(n: MapNode | SeqNode, depth: number): unknown {
    if (n.kind === 'seq') {
      const out: unknown[] = [];
      const list = n.items;
      for (let i = 0; i < list.length; i++) out.push(this.convert(list[i], depth + 1));
      return out;
    }
    const obj: Record<string, unknown> = {};
    const list = n.merges === false ? n.pairs : effectivePairs(n);
    for (let i = 0; i < list.length; i++) {
      const pair = list[i];
      if (pair.value.tag !== undefined && isReset(pair.value)) continue;
      const raw = pair.key.value;
      const key = typeof raw === 'string' ? raw : String(raw);
      const value = this.convert(pair.value, depth + 1);
      // A key named `__proto__` must become data, not the object's prototype.
      if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      else obj[key] = value;
    }
    return obj;
  }
}
