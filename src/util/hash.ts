// The one string hash: FNV-1a, 32 bit, over UTF-16 code units. Stable across runs and platforms, so ids and
// cache keys built from it stay the same; not for anything an attacker chooses to collide.
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
