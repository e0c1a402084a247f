// The one key function shared by the gazetteer build and the recogniser: both sides must fold names identically.

/** Letters NFKD leaves whole; folded so "Łódź", "Tromsø" and "Lodz", "Tromso" meet. */
const FOLD: Record<string, string> = {
  ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th', ß: 'ss', ŀ: 'l',
};

/**
 * Folds a name to its index key: no diacritics, lower case, one apostrophe, no periods (so "U.S." meets "US" and
 * "St. Louis" meets "St Louis"), hyphens as spaces ("Guinea-Bissau" meets "Guinea Bissau"), spaces collapsed.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łøđħıæœþßŀ]/g, (c) => FOLD[c])
    .replace(/[’‘`´]/g, "'")
    .replace(/\./g, '')
    .replace(/[-‐‑–—_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
