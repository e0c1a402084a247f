// Part-of-speech tags and lemmas for a sentence, from wink-nlp's English model: the linguistic layer every later
// stage reads instead of guessing word classes from spelling. Chosen over compromise for speed and accuracy
// (lexicon/README.md has the measurement): on the events development set wink tags about 1.7 MB of text a second,
// compromise about 5 KB.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from '../types.ts';

/** Universal part-of-speech tags (universaldependencies.org/u/pos), as wink's model writes them. */
export type Pos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT'
  | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

/** A word or punctuation mark; offsets are document offsets. */
export interface Token extends Span {
  text: string;
  /** Lower case of `text`, with curly apostrophes straightened. */
  lower: string;
  lemma: string;
  pos: Pos;
}

let nlp: ReturnType<typeof winkNLP> | null = null;

/** The tokens of `text`, which starts at document offset `base`. The model loads on the first call. */
export function tag(text: string, base: number): Token[] {
  nlp ??= winkNLP(model);
  const its = nlp.its;
  const tokens = nlp.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const tags = tokens.out(its.pos) as Pos[];
  const lemmas = tokens.out(its.lemma as never) as string[];
  const out: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const at = text.indexOf(value, cursor);
    const start = at < 0 ? cursor : at;
    const end = at < 0 ? cursor : at + value.length;
    cursor = end;
    if (tags[i] === 'SPACE') continue;
    const lower = value.toLowerCase().replace(/’/g, "'");
    out.push({ start: base + start, end: base + end, text: value, lower, lemma: lemmas[i].toLowerCase().replace(/’/g, "'"), pos: tags[i] });
  }
  return repairVerbs(out);
}

/**
 * The tagger's commonest error in headline-like news: a present-tense verb after a name read as a plural noun
 * ("Lithuania hosts 1,000 soldiers"). A clause with no verb whose -s noun stands between a name and a number or a
 * determiner is that verb.
 */
function repairVerbs(tokens: Token[]): Token[] {
  if (tokens.some((t) => t.pos === 'VERB')) return tokens;
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (t.pos === 'NOUN' && /[^s]s$/.test(t.lower) && tokens[i - 1].pos === 'PROPN' && /^(NUM|DET)$/.test(tokens[i + 1].pos)) {
      tokens[i] = { ...t, pos: 'VERB' };
      break;
    }
  }
  return tokens;
}
