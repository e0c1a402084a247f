// The grammar of every tagged sentence of a document, held compactly from the language stage to the events stage.
// A token object costs about 140 bytes (Node's V8 has no pointer compression), so a 5 MB document's 850,000 tokens
// held 122 MB from the language stage to the end of the events stage. Here a token is seven numbers in typed columns
// (its offsets, its part of speech, its clause and its three words as indices into the document's own word list),
// 15 bytes while the document has fewer than 65,536 distinct words, and a sentence's tokens become objects again only
// while a stage reads that sentence. The clauses and verb groups are kept as analyseSentence made them: they are few,
// and the events stage holds verb groups by identity from one pass to the next.
import { analyseSentence, type Clause, type SentenceGrammar, type VerbGroup } from './clauses.ts';
import type { Pos, Token } from './tagger.ts';

/** What the stages after the language stage read: sentence i's grammar, null for a sentence that was not tagged. */
export interface GrammarSource {
  /** An array of grammars is one too (Array.prototype.at). */
  at(i: number): SentenceGrammar | null | undefined;
}

/** Values a chunk of a column holds: at most 64 KB, under the C library's threshold for memory of its own (128 KB). */
const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;

/** The typed arrays a column keeps its values in, narrowest first; a column starts as narrow as its values allow. */
type Chunk = Uint8Array | Uint16Array | Int32Array;
const WIDTHS = [
  { make: (n: number): Chunk => new Uint8Array(n), max: 0xff },
  { make: (n: number): Chunk => new Uint16Array(n), max: 0xffff },
  { make: (n: number): Chunk => new Int32Array(n), max: 0x7fffffff },
];

/**
 * A column of numbers that grows as tokens are added, in chunks that are never copied once full. A column grown by
 * doubling freed a buffer of each size up to 4 MB on the way, and its trimmed copy another: glibc then raises the size
 * below which it serves memory from its own heap, which does not shrink, and the process kept the holes (a 5 MB
 * document: 45 MB more resident at its events stage than with that threshold fixed). Values are whole numbers from 0;
 * a column starts in bytes or 16-bit units and is widened, chunk by chunk, by the first value that does not fit (a
 * part of speech fits a byte, a token's length and a clause's number 16 bits: 850,000 tokens take 11 MB less).
 */
class Column {
  private width: number;
  private readonly chunks: Chunk[];
  constructor(width: 0 | 1 | 2) {
    this.width = width;
    this.chunks = [WIDTHS[width].make(1024)];
  }
  set(k: number, value: number): void {
    if (value > WIDTHS[this.width].max || value < 0) this.widen(value);
    const c = k >> CHUNK_BITS;
    let chunk = this.chunks[c];
    if (chunk === undefined) this.chunks.push((chunk = WIDTHS[this.width].make(1024)));
    const at = k & (CHUNK - 1);
    // Only the last chunk grows (by doubling, up to CHUNK): every earlier one is full.
    if (at >= chunk.length) {
      const grown = WIDTHS[this.width].make(Math.min(chunk.length * 2, CHUNK));
      grown.set(chunk);
      this.chunks[c] = chunk = grown;
    }
    chunk[at] = value;
  }
  get(k: number): number {
    return this.chunks[k >> CHUNK_BITS][k & (CHUNK - 1)];
  }
  /** Drops the spare room of the last chunk. */
  trim(length: number): void {
    const last = this.chunks.length - 1;
    this.chunks[last] = this.chunks[last].slice(0, length - last * CHUNK);
  }
  /** Copies every chunk into the narrowest width that holds `value` (values below 0 take the widest). */
  private widen(value: number): void {
    while (this.width < WIDTHS.length - 1 && (value < 0 || value > WIDTHS[this.width].max)) this.width++;
    for (let c = 0; c < this.chunks.length; c++) {
      const wide = WIDTHS[this.width].make(this.chunks[c].length);
      wide.set(this.chunks[c]);
      this.chunks[c] = wide;
    }
  }
}

/** The number of `value` in `values` (the list of distinct values, `ids` its index), added when new. */
function intern(values: string[], ids: Map<string, number>, value: string): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = values.length;
    values.push(value);
    ids.set(value, id);
  }
  return id;
}

export class DocumentGrammars implements GrammarSource {
  /** The document's distinct words (texts, lower cases, lemmas and parts of speech), each once. */
  private readonly words: string[] = [];
  private readonly wordIds = new Map<string, number>();
  /**
   * A token: where it starts, its length (end - start), its words, its part of speech (its own id among the
   * document's parts of speech: a handful) and its clause.
   */
  private readonly columns = {
    start: new Column(2), length: new Column(1), text: new Column(1), lower: new Column(1), lemma: new Column(1), pos: new Column(0), clause: new Column(1),
  };
  private readonly tags: string[] = [];
  private readonly tagIds = new Map<string, number>();
  private tokenCount = 0;
  /** Per sentence: its first token, its number of tokens (-1: not tagged), its clauses and verb groups. */
  private readonly firstToken: Int32Array;
  private readonly sentenceTokens: Int32Array;
  private readonly structure: ({ clauses: Clause[]; verbs: VerbGroup[] } | null)[];
  /** The sentence read last, as objects: a stage reads one sentence several times in a row. */
  private last: { i: number; grammar: SentenceGrammar } | null = null;

  constructor(sentences: number) {
    this.firstToken = new Int32Array(sentences);
    this.sentenceTokens = new Int32Array(sentences).fill(-1);
    this.structure = new Array<null>(sentences).fill(null);
  }

  private word(value: string): number {
    return intern(this.words, this.wordIds, value);
  }

  private tag(pos: string): number {
    return intern(this.tags, this.tagIds, pos);
  }

  /** Analyses sentence i's tokens (analyseSentence) and keeps the result compactly; the tokens are not kept. */
  add(i: number, tokens: Token[]): void {
    const { clauses, clauseOf, verbs } = analyseSentence(tokens);
    const c = this.columns;
    this.firstToken[i] = this.tokenCount;
    this.sentenceTokens[i] = tokens.length;
    // Copies of exact length: an array built by push keeps room for 17 or more elements, and a document holds two a
    // sentence (5 MB document: 25 of its 38 MB of clauses and verb groups). The elements stay the same objects.
    this.structure[i] = { clauses: clauses.slice(), verbs: verbs.slice() };
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      const at = this.tokenCount++;
      c.start.set(at, t.start);
      c.length.set(at, t.end - t.start);
      c.text.set(at, this.word(t.text));
      c.lower.set(at, this.word(t.lower));
      c.lemma.set(at, this.word(t.lemma));
      c.pos.set(at, this.tag(t.pos));
      c.clause.set(at, clauseOf[k]);
    }
    if (this.last?.i === i) this.last = null;
  }

  /** Drops the spare room of the columns once every sentence is added, and the word index (at() needs only the list). */
  seal(): this {
    for (const column of Object.values(this.columns)) column.trim(this.tokenCount);
    this.wordIds.clear();
    this.tagIds.clear();
    return this;
  }

  /** Sentence i's grammar, its tokens made into objects for this reading; null when the sentence was not tagged. */
  at(i: number): SentenceGrammar | null {
    if (this.last?.i === i) return this.last.grammar;
    const n = this.sentenceTokens[i];
    if (n === undefined || n < 0) return null;
    const { start, length, text, lower, lemma, pos, clause } = this.columns;
    const w = this.words;
    const tags = this.tags;
    const from = this.firstToken[i];
    const tokens: Token[] = [];
    const clauseOf: number[] = [];
    for (let k = from; k < from + n; k++) {
      const at = start.get(k);
      tokens.push({ start: at, end: at + length.get(k), text: w[text.get(k)], lower: w[lower.get(k)], lemma: w[lemma.get(k)], pos: tags[pos.get(k)] as Pos });
      clauseOf.push(clause.get(k));
    }
    const grammar: SentenceGrammar = { tokens, clauses: this.structure[i]!.clauses, clauseOf, verbs: this.structure[i]!.verbs };
    this.last = { i, grammar };
    return grammar;
  }
}
