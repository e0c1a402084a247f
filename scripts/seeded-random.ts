// Deterministic random numbers for generated data (synthetic corpora, bench documents): same seed, same data.

/** mulberry32: a tiny, fast 32-bit generator; good enough to pick template slots and scatter test points. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
