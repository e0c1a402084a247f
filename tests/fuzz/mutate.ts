// Seed sentences from the real corpus and the ways a fuzz case mutates them: characters inserted, deleted or
// replaced, unicode of every awkward kind, and very long tokens. Shared by the fuzz tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ingest } from '../../src/pipeline/ingest.ts';
import { segment } from '../../src/pipeline/segment.ts';

/**
 * One seed for every fuzz run: fixed so a failure is reproducible; fast-check prints it with the counterexample.
 * FUZZ_SEED=<n> and FUZZ_RUNS=<factor> in the environment explore further (`FUZZ_SEED=$RANDOM FUZZ_RUNS=20 npx vitest run tests/fuzz`).
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20251115);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1);

/** Content sentences of the seed corpus with a capitalised word (a place, a month), the text the stages are for. */
export function seedSentences(limit = 60): string[] {
  const out: string[] = [];
  for (const file of readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort()) {
    const doc = ingest(file, readFileSync(join('seeds', file)));
    for (const s of segment(doc)) {
      if (s.isContent && /\p{Lu}\p{Ll}+/u.test(s.text) && s.text.length < 600 && s.text.length > 30) out.push(s.text);
    }
  }
  // every k-th, so all five documents contribute
  const step = Math.max(1, Math.floor(out.length / limit));
  return out.filter((_, i) => i % step === 0).slice(0, limit);
}

// Characters that have broken text code before: combining marks, zero-width and bidi controls, non-BMP letters
// and emoji (two UTF-16 units), lone surrogates, Turkish dotted I (longer in lower case), CJK and Arabic digits,
// dashes and quotes that date and name patterns look for, NUL and line separators.
const AWKWARD = ['\u0301', '\u200b', '\u200d', '\u202e', '\u2066', '🇺🇦', '𝐊', '😀', '\ud800', '\udc00', 'İ', 'ß', 'ﬁ',
  '日', '٣', '१', '–', '—', '’', '“', '\u00a0', '\u2028', '\u0085', '\r\n', '\t', '\u0000', '<', '>', '&', '"', "'",
  '.', ',', ';', '(', ')', '/', '-', '0', '9', '31', '2025', 'May', 'June', 'Kyiv', 'in', 'on', 'from', 'will'];

const piece = fc.oneof(
  fc.constantFrom(...AWKWARD),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'long'; at: number; text: string; times: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: piece }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }), text: piece }),
  // a very long token: a word, digits or a date-ish run repeated without spaces
  fc.record({ kind: fc.constant('long' as const), at: fc.nat(), text: fc.constantFrom('a', '9', 'Kyiv', '2025-', 'May', '.', 'İ', '\u0301'), times: fc.integer({ min: 200, max: 3000 }) }),
);

/** Applies edits at positions taken modulo the current length. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + e.length);
    else if (e.kind === 'replace') out = out.slice(0, at) + e.text + out.slice(at + e.length);
    else out = out.slice(0, at) + e.text.repeat(e.times) + out.slice(at);
  }
  return out;
}

/** A seed sentence with up to `maxEdits` mutations, or (one case in five) random text. */
export function mutatedText(seeds: readonly string[], maxEdits = 6): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { maxLength: maxEdits })).map(([s, edits]) => applyEdits(s, edits)) },
    { weight: 1, arbitrary: fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(' ')) },
  );
}

/** A published date: a real day in 1990..2040, or none. */
export const published = fc.option(
  fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  { nil: null },
);

/** Runs `fn` and fails if it took longer than `ms`: a hang or a blow-up shows as a counterexample, not a timeout. */
export function bounded<T>(ms: number, what: string, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  const took = performance.now() - t0;
  if (took > ms) throw new Error(`${what} took ${Math.round(took)} ms (bound ${ms} ms)`);
  return out;
}
