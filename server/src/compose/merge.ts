/**
 * Merging compose files as compose does (docs.docker.com/reference/compose-file/merge, and compose-go's
 * `override` package where the page is silent; the per-path rules are in merge-rules.ts): mappings merge,
 * sequences append, `command`/`entrypoint`/`healthcheck.test` are replaced, labels, environment and the other
 * key-value lists merge by key in either form, `ports`/`volumes`/`secrets`/`configs`/`devices` by their target,
 * capabilities, DNS servers and aliases once each, `!reset` clears a value and `!override` replaces it. The result
 * is made of the original located nodes (new nodes only where two files meet), so every merged value still points
 * at the file and place that wrote it.
 */
import { asMap, asScalar, asSeq, effectivePairs, resolve, type MapNode, type Node, type Pair, type ScalarNode, type SeqNode } from '../documents/tree';
import { KEY_VALUE_LISTS, pathPattern, REPLACED, UNIQUE_BY } from './merge-rules';

function isReset(node: Node | undefined): boolean {
  return !!node && node.tag === '!reset';
}

/** Merges `override` onto `base` at `path` (the keys leading here, used for the per-key rules). */
export function mergeNodes(base: Node | undefined, override: Node, path: string[] = []): Node | undefined {
  if (isReset(override)) return undefined;
  if (override.tag === '!override' || base === undefined) return override;
  const b = resolve(base);
  const o = resolve(override);
  if (!b || !o) return override;
  const key = pathPattern(path);
  // A service's networks and depends_on may be a list of names in one file and a mapping in another: merge them
  // as mappings (compose-go mergeNetworks, mergeDependsOn).
  if (key === 'services.*.networks' || key === 'services.*.depends_on') {
    const bm = namesAsMap(b);
    const om = namesAsMap(o);
    if (bm && om) return mergeMaps(bm, om, path);
  }
  // Each ulimit is replaced whole (compose-go mergeUlimit).
  if (path.length === 4 && path[0] === 'services' && path[2] === 'ulimits') return override;
  if (KEY_VALUE_LISTS.includes(key) || key === 'services.*.extra_hosts') {
    if (b.kind === 'map' && o.kind === 'map' && key !== 'services.*.extra_hosts') return mergeMaps(b, o, path);
    const bs = asKeyValueSeq(b);
    const os = asKeyValueSeq(o);
    if (bs && os) return key === 'services.*.extra_hosts' ? seqLike(os, union(bs.items, os.items)) : seqLike(os, unique(key, [...bs.items, ...os.items]));
  }
  if (b.kind === 'map' && o.kind === 'map') return mergeMaps(b, o, path);
  if (b.kind === 'seq' && o.kind === 'seq') {
    if (REPLACED.includes(key)) return o;
    if (key === 'networks.*.ipam.config') return seqLike(o, mergeBySubnet(b.items, o.items, path));
    return seqLike(o, unique(key, [...b.items, ...o.items]));
  }
  return override;
}

/**
 * The items of a list compose deduplicates, each key kept once: a later item replaces an earlier one with its key,
 * at the earlier one's place (compose-go `override/uncity.go`). Other lists keep every item.
 */
function unique(key: string, items: Node[]): Node[] {
  // Own keys only: a top-level key such as `valueOf` or `__proto__` must not find Object.prototype's members.
  const keyOf = Object.hasOwn(UNIQUE_BY, key) ? UNIQUE_BY[key] : undefined;
  if (!keyOf) return items;
  const out: Node[] = [];
  const at = new Map<string, number>();
  for (const item of items) {
    const k = keyOf(item);
    if (k === undefined) out.push(item);
    else if (at.has(k)) out[at.get(k)!] = item;
    else {
      at.set(k, out.length);
      out.push(item);
    }
  }
  return out;
}

/** `extra_hosts`: the override's items that are not already there, by their exact text (compose-go mergeExtraHosts). */
function union(base: Node[], override: Node[]): Node[] {
  const seen = new Set(base.map((n) => asScalar(n)?.value));
  return [...base, ...override.filter((n) => !seen.has(asScalar(n)?.value))];
}

/** `ipam.config` entries with the same subnet merge; others append. */
function mergeBySubnet(base: Node[], override: Node[], path: string[]): Node[] {
  const out = [...base];
  for (const entry of override) {
    const subnet = asScalar(asMap(entry) && effectivePairs(asMap(entry)!).find((p) => p.key.value === 'subnet')?.value)?.value;
    const i =
      subnet === undefined
        ? -1
        : out.findIndex((e) => asMap(e) && asScalar(effectivePairs(asMap(e)!).find((p) => p.key.value === 'subnet')?.value)?.value === subnet);
    if (i === -1) out.push(entry);
    else out[i] = mergeNodes(out[i], entry, [...path, String(i)]) ?? entry;
  }
  return out;
}

/**
 * A key-value list or mapping as a list of `key=value` items, as compose-go's convertIntoSequence makes it: a
 * mapping entry becomes one item that spans the pair (`KEY` alone for an empty value), so it still points at the
 * text that wrote it.
 */
function asKeyValueSeq(node: Exclude<Node, { kind: 'alias' }>): SeqNode | undefined {
  if (node.kind === 'seq') return node;
  if (node.kind === 'scalar')
    return node.value === null ? undefined : { kind: 'seq', items: [node], flow: true, start: node.start, end: node.end, fullStart: node.fullStart };
  if (node.kind !== 'map') return undefined;
  const items = effectivePairs(node).map((pair): ScalarNode => {
    const value = asScalar(pair.value)?.value;
    const end = Math.max(pair.key.end, pair.value.end);
    return {
      kind: 'scalar',
      value: value === null || value === undefined ? String(pair.key.value) : `${String(pair.key.value)}=${String(value)}`,
      style: 'plain',
      start: pair.key.start,
      end,
      fullStart: pair.key.start,
    };
  });
  return { kind: 'seq', items, flow: node.flow, start: node.start, end: node.end, fullStart: node.fullStart };
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
  return {
    kind: 'map',
    pairs: pairs.filter((p) => !(p.value.kind === 'scalar' && p.value.style === 'empty' && isReset(p.value))),
    flow: override.flow,
    start: override.start,
    end: override.end,
    fullStart: override.fullStart,
  };
}

function seqLike(like: SeqNode, items: Node[]): SeqNode {
  return { kind: 'seq', items, flow: like.flow, start: like.start, end: like.end, fullStart: like.fullStart };
}

/** A `!reset` value: an empty value at the override's place, so the key reads as unset. */
function emptyAt(node: Node): Node {
  return { kind: 'scalar', value: null, style: 'empty', tag: '!reset', start: node.start, end: node.start, fullStart: node.start };
}

/** A list of names as a mapping of each name to nothing (a service's networks, depends_on). */
function namesAsMap(node: Node): MapNode | undefined {
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
