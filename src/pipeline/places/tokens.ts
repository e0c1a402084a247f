// Words of a sentence with their offsets, and the tests the recogniser applies to them.
import type { Span } from '../types.ts';

export interface Token extends Span {
  text: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of text[start, end), offsets into the whole text. */
export function tokenise(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  for (const m of text.slice(start, end).matchAll(WORD)) {
    tokens.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] });
  }
  return tokens;
}

export const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text);
export const isAllCaps = (t: Token) => t.text.length > 1 && /\p{Lu}/u.test(t.text) && t.text === t.text.toUpperCase();

/**
 * True when the characters between two words can sit inside one name: a space ("New Zealand"), a hyphen
 * ("Guinea-Bissau"), an apostrophe ("Côte d'Ivoire"), or a full stop after a short abbreviation ("St. Louis", "U.S").
 */
export function joinsName(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  if (gap === ' ' || gap === '\u00a0' || gap === '-' || gap === '‐' || gap === "'" || gap === '’') return true;
  return (gap === '.' || gap === '. ') && a.text.length <= 3;
}
