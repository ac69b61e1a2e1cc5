/**
 * `compute(key)` once per key object, kept for as long as the key lives: the derived data several rules or
 * features read from one parse (a model, its attachments, its driver options) is built once per document
 * version, and dropped with it.
 */
export function oncePer<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

/**
 * `compute(text)` once per distinct string, for pure functions of values that files repeat or that a check reads
 * again on every keystroke (addresses, subnets): after the first check they cost a lookup, not a parse. The cache
 * is emptied when it holds `limit` entries, so a file of distinct values cannot grow it without bound.
 */
export function oncePerText<V>(compute: (text: string) => V, limit = 65536): (text: string) => V {
  const cache = new Map<string, V>();
  return (text) => {
    if (cache.has(text)) return cache.get(text) as V;
    const value = compute(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, value);
    return value;
  };
}
