/**
 * Stores `value` under `key`, first forgetting the oldest entry when the map already holds `limit`
 * entries. The time caches use it so a server that runs for months, or a replay that walks years
 * of a case, keeps a fixed amount of memory: a forgotten entry is only recomputed, never wrong.
 *
 * @returns `value`, so a lookup can store and return in one expression.
 */
export function rememberBounded<K, V>(map: Map<K, V>, key: K, value: V, limit: number): V {
  if (map.size >= limit) {
    // Maps iterate in insertion order, so the first key is the oldest.
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
  return value;
}
