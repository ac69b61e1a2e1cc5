/**
 * Merging compose files by the compose-spec rules (docs.docker.com/reference/compose-file/merge): mappings merge,
 * sequences append, `command`/`entrypoint`/`healthcheck.test` are replaced, `ports`/`volumes`/`secrets`/`configs`
 * merge by their unique key, `!reset` clears a value and `!override` replaces it. The result is made of the
 * original located nodes (new mapping and sequence nodes only where two files meet), so every merged value still
 * points at the file and place that wrote it.
 */
import { asMap, asScalar, asSeq, effectivePairs, get, resolve, scalarText, type MapNode, type Node, type Pair, type SeqNode } from '../documents/tree';
import { parsePort } from './ports';

/** Paths (with `*` for any name) whose sequences are replaced rather than appended. */
const REPLACED = ['services.*.command', 'services.*.entrypoint', 'services.*.healthcheck.test'];
/** Sequences whose entries are unique by a key: a later entry with the same key replaces the earlier one. */
const UNIQUE_BY: Record<string, (item: Node) => string | undefined> = {
  'services.*.ports': (item) => {
    const p = parsePort(item);
    return p ? `${p.hostIp?.text ?? ''}|${p.target?.text ?? ''}|${p.published?.text ?? ''}|${(p.protocol?.text ?? 'tcp').toLowerCase()}` : undefined;
  },
  'services.*.volumes': targetKey,
  'services.*.secrets': targetKey,
  'services.*.configs': targetKey,
};

function targetKey(item: Node): string | undefined {
  const map = asMap(item);
  if (map) return scalarText(get(map, 'target')) ?? scalarText(get(map, 'source'));
  const text = scalarText(item);
  if (!text) return undefined;
  const parts = text.split(':');
  return parts.length >= 2 ? parts[1] : parts[0];
}

function pattern(path: string[]): string {
  return path.map((p, i) => (i === 1 && (path[0] === 'services' || path[0] === 'networks') ? '*' : p)).join('.');
}

export function isReset(node: Node | undefined): boolean {
  return !!node && node.tag === '!reset';
}

/** Merges `override` onto `base` at `path` (the keys leading here, used for the per-key rules). */
export function mergeNodes(base: Node | undefined, override: Node, path: string[] = []): Node | undefined {
  if (isReset(override)) return undefined;
  if (override.tag === '!override' || base === undefined) return override;
  const b = resolve(base);
  const o = resolve(override);
  if (!b || !o) return override;
  const key = pattern(path);
  // A service's networks may be a list of names in one file and a mapping in another: merge them as mappings.
  if (path.length === 3 && path[0] === 'services' && path[2] === 'networks') {
    const bm = networksAsMap(b);
    const om = networksAsMap(o);
    if (bm && om) return mergeMaps(bm, om, path);
  }
  if (b.kind === 'map' && o.kind === 'map') return mergeMaps(b, o, path);
  if (b.kind === 'seq' && o.kind === 'seq') {
    if (REPLACED.includes(key)) return o;
    // Own keys only: a top-level key such as `valueOf` or `__proto__` must not find Object.prototype's members.
    const unique = Object.hasOwn(UNIQUE_BY, key) ? UNIQUE_BY[key] : undefined;
    if (unique) {
      const byKey = new Map<string, Node>();
      const loose: Node[] = [];
      for (const item of [...b.items, ...o.items]) {
        const k = unique(item);
        if (k === undefined) loose.push(item);
        else {
          byKey.delete(k); // keep the later entry, at the later position
          byKey.set(k, item);
        }
      }
      return seqLike(o, [...byKey.values(), ...loose]);
    }
    return seqLike(o, [...b.items, ...o.items]);
  }
  return override;
}

function mergeMaps(base: MapNode, override: MapNode, path: string[]): MapNode {
  const pairs: Pair[] = [];
  const index = new Map<string, number>();
  for (const pair of effectivePairs(base)) {
    index.set(String(pair.key.value), pairs.length);
    pairs.push(pair);
  }
  for (const pair of effectivePairs(override)) {
    const name = String(pair.key.value);
    const at = index.get(name);
    if (at === undefined) {
      if (!isReset(pair.value)) {
        index.set(name, pairs.length);
        pairs.push(pair);
      }
      continue;
    }
    const merged = mergeNodes(pairs[at].value, pair.value, [...path, name]);
    if (merged === undefined) pairs[at] = { key: pair.key, value: emptyAt(pair.value) };
    else pairs[at] = { key: merged === pairs[at].value ? pairs[at].key : pair.key, value: merged };
  }
  return { kind: 'map', pairs: pairs.filter((p) => !(p.value.kind === 'scalar' && p.value.style === 'empty' && isReset(p.value))), flow: override.flow, start: override.start, end: override.end, fullStart: override.fullStart };
}

function seqLike(like: SeqNode, items: Node[]): SeqNode {
  return { kind: 'seq', items, flow: like.flow, start: like.start, end: like.end, fullStart: like.fullStart };
}

/** A `!reset` value: an empty value at the override's place, so the key reads as unset. */
function emptyAt(node: Node): Node {
  return { kind: 'scalar', value: null, style: 'empty', tag: '!reset', start: node.start, end: node.start, fullStart: node.start };
}

function networksAsMap(node: Node): MapNode | undefined {
  const map = asMap(node);
  if (map) return map;
  const seq = asSeq(node);
  if (!seq) return undefined;
  const pairs: Pair[] = seq.items.flatMap((item) => {
    const s = asScalar(item);
    if (!s || s.value === null) return [];
    return [{ key: s, value: { kind: 'scalar', value: null, style: 'empty', start: s.end, end: s.end, fullStart: s.end } as Node }];
  });
  return { kind: 'map', pairs, flow: seq.flow, start: seq.start, end: seq.end, fullStart: seq.fullStart };
}
