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
