// The one least-recently-used cache: a Map keeps insertion order, so a hit moves its key to the end and an insert
// over capacity drops the first. Small and exact (a cache of 8 parts holds 8), with no dependency in the bundle.
export interface Lru<K, V> {
  /** The value, counted as a use (it becomes the most recent). */
  get(key: K): V | undefined;
  /** The value, without counting as a use. */
  peek(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  readonly size: number;
}

export function createLru<K, V>(capacity: number): Lru<K, V> {
  const map = new Map<K, V>();
  return {
    get(key) {
      if (!map.has(key)) return undefined;
      const value = map.get(key) as V;
      map.delete(key);
      map.set(key, value);
      return value;
    },
    peek: (key) => map.get(key),
    set(key, value) {
      map.delete(key);
      map.set(key, value);
      while (map.size > capacity) map.delete(map.keys().next().value as K);
    },
    delete(key) {
      map.delete(key);
    },
    get size() {
      return map.size;
    },
  };
}
