/**
 * The located tree: what YAML and JSON documents both become. Every node knows its span in the text, so every
 * finding, hover and fix can point at the exact key or value. Mappings keep their pairs in source order (with
 * duplicates and merge keys as written); aliases keep a link to their anchor instead of a copy, so an alias
 * bomb costs nothing until someone walks it, and walkers below never expand an alias twice.
 */
import type { Span } from './text';

export type Node = MapNode | SeqNode | ScalarNode | AliasNode;

interface NodeBase extends Span {
  /** Explicit tag as written (`!reset`, `!override`, `!!str`), if any. */
  tag?: string;
  /** Anchor name (`&name`), if any. */
  anchor?: string;
  /**
   * Where the node begins with its properties (anchor, tag) included; `start` is where the content begins. Both
   * end at `end`. A number, not a second span object: a large file has hundreds of thousands of nodes.
   */
  fullStart: number;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  pairs: Pair[];
  /** `{ ... }` flow style (YAML) or any JSON object. */
  flow: boolean;
  /**
   * Whether a plain `<<` merge key is among the pairs, as the YAML parser saw it (every parsed mapping has it), so
   * effectivePairs, which runs for every get(), need not scan the pairs; maps built by hand leave it undefined.
   */
  merges?: boolean;
}

export interface Pair {
  key: ScalarNode;
  /** null only when the key has no value at all (`key:` gives a null scalar, not null). */
  value: Node;
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: Node[];
  flow: boolean;
}

export type ScalarValue = string | number | boolean | null;

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: ScalarValue;
  /** How it was written: plain, quoted, a block scalar, or absent (`key:` with nothing after it). */
  style: 'plain' | 'single' | 'double' | 'block' | 'empty';
}

export interface AliasNode extends NodeBase {
  kind: 'alias';
  name: string;
  /** The anchored node it refers to; undefined when the parser could not tie it (never for valid YAML). */
  target?: Node;
}

/** Follows aliases to the node they stand for (bounded: alias chains cannot loop in valid YAML). */
export function resolve(node: Node | undefined): Exclude<Node, AliasNode> | undefined {
  let current = node;
  for (let hops = 0; current && current.kind === 'alias' && hops < 64; hops++) current = current.target;
  return current && current.kind !== 'alias' ? current : undefined;
}

export function asMap(node: Node | undefined): MapNode | undefined {
  const n = resolve(node);
  return n?.kind === 'map' ? n : undefined;
}

export function asSeq(node: Node | undefined): SeqNode | undefined {
  const n = resolve(node);
  return n?.kind === 'seq' ? n : undefined;
}

export function asScalar(node: Node | undefined): ScalarNode | undefined {
  const n = resolve(node);
  return n?.kind === 'scalar' ? n : undefined;
}

/** The scalar's value as a string, as compose reads most scalars (numbers and booleans stringified). */
export function scalarText(node: Node | undefined): string | undefined {
  const s = asScalar(node);
  if (!s || s.value === null) return undefined;
  return String(s.value);
}

const MERGE_KEY = '<<';

/** A YAML merge key: a plain `<<` (a quoted `"<<"`, or any JSON key, is an ordinary key). */
export function isMergeKey(key: Node): boolean {
  return key.kind === 'scalar' && key.value === MERGE_KEY && key.style === 'plain';
}

/**
 * The effective pairs of a mapping: its own pairs, plus those brought in by YAML merge keys (`<<: *a` or
 * `<<: [*a, *b]`), where an own key wins over a merged one and an earlier merge source wins over a later one
 * (YAML 1.1 merge semantics, as compose applies them). Each pair still points at the node where it is written,
 * so a finding on a merged value lands on the anchor's text.
 */
function hasMergeKey(map: MapNode): boolean {
  const list = map.pairs;
  for (let i = 0; i < list.length; i++) if (isMergeKey(list[i].key)) return true;
  return false;
}

export function effectivePairs(map: MapNode, depth = 0): Pair[] {
  if (map.merges === false || (map.merges === undefined && !hasMergeKey(map))) return map.pairs;
  // Memoized per mapping: a merge-key bomb (each anchor merging the previous one nine times) would otherwise
  // expand exponentially; with the cache every anchored mapping is expanded once.
  const cached = mergedPairsCache.get(map);
  if (cached) return cached;
  const own = map.pairs.filter((p) => !isMergeKey(p.key));
  const seen = new Set(own.map((p) => String(p.key.value)));
  const result = [...own];
  if (depth <= 32) {
    for (const mergePair of map.pairs) {
      if (!isMergeKey(mergePair.key)) continue;
      const sources: Node[] = [];
      const value = resolve(mergePair.value);
      if (value?.kind === 'seq') sources.push(...value.items);
      else if (value) sources.push(value);
      for (const source of sources) {
        const sourceMap = asMap(source);
        if (!sourceMap || sourceMap === map) continue;
        for (const pair of effectivePairs(sourceMap, depth + 1)) {
          const name = String(pair.key.value);
          if (seen.has(name)) continue;
          seen.add(name);
          result.push(pair);
        }
      }
    }
  }
  mergedPairsCache.set(map, result);
  return result;
}

const mergedPairsCache = new WeakMap<MapNode, Pair[]>();

/**
 * Mappings with at least this many pairs are looked up through an index. Rules look up a few dozen keys in every
 * service (each has ten to twenty keys), and scanning the pairs for each key was a third of a first check's rule
 * time on a large file (bench/RESULTS.md); a mapping of a few pairs is scanned faster than it is hashed.
 */
const INDEX_FROM = 8;

/**
 * Key → effective pair, per pair list (so per mapping: effectivePairs returns the same list every time). Pair lists
 * are never changed once their mapping is built (an incremental re-parse builds new mappings), so an index never goes
 * stale, and it goes with its list.
 */
const pairIndexes = new WeakMap<readonly Pair[], Map<string, Pair>>();

function pairIndex(pairs: readonly Pair[]): Map<string, Pair> {
  let index = pairIndexes.get(pairs);
  if (index === undefined) {
    index = new Map();
    // In order, so the last of duplicate keys wins, as in the scan below.
    for (let i = 0; i < pairs.length; i++) {
      const value = pairs[i].key.value;
      index.set(typeof value === 'string' ? value : String(value), pairs[i]);
    }
    pairIndexes.set(pairs, index);
  }
  return index;
}

/** The effective pair for `key` (last one written wins for duplicates, as JSON parsers do). */
export function getPair(node: Node | undefined, key: string): Pair | undefined {
  const map = asMap(node);
  if (!map) return undefined;
  const pairs = effectivePairs(map);
  if (pairs.length >= INDEX_FROM) return pairIndex(pairs).get(key);
  for (let i = pairs.length - 1; i >= 0; i--) {
    const value = pairs[i].key.value;
    if (value === key || (typeof value !== 'string' && String(value) === key)) return pairs[i];
  }
  return undefined;
}

export function get(node: Node | undefined, key: string): Node | undefined {
  return getPair(node, key)?.value;
}

/** Walks a path of keys (strings) and indexes (numbers). */
export function getPath(node: Node | undefined, path: readonly (string | number)[]): Node | undefined {
  let current: Node | undefined = node;
  for (const step of path) {
    if (current === undefined) return undefined;
    if (typeof step === 'number') current = asSeq(current)?.items[step];
    else current = get(current, step);
  }
  return current;
}

/** Items of a sequence, or [] for anything else. */
export function items(node: Node | undefined): Node[] {
  return asSeq(node)?.items ?? [];
}

/** Effective pairs of a mapping, or [] for anything else. */
export function pairs(node: Node | undefined): Pair[] {
  const map = asMap(node);
  return map ? effectivePairs(map) : [];
}

export function isNullish(node: Node | undefined): boolean {
  const s = asScalar(node);
  return node === undefined || (s !== undefined && s.value === null);
}

/**
 * A node's span, read when asked rather than copied: data kept per service or network model lives across
 * incremental re-parses (documents/incremental.ts), which move the nodes of untouched entries without rebuilding
 * them, so a span copied once would go stale.
 */
export function liveSpan(node: Node): Span {
  return {
    get start() {
      return node.start;
    },
    get end() {
      return node.end;
    },
  };
}
