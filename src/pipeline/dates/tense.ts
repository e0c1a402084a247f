// Whether the clause around a time expression looks ahead ("are meeting on Wednesday", "is due to begin in
// January") or back ("met on Monday", "was launched in September"), is in the present of a schedule ("ministers
// meet in Vilnius from June 15"), or gives no sign.

/**
 * 'schedule': a verb in the simple present beside a weekday ("Hungary holds an election on Sunday"), which looks ahead
 * unless the day is yesterday (a caption's "addresses the media Monday" in Tuesday's paper).
 */
export type Tense = 'past' | 'future' | 'present' | 'schedule' | 'unknown';

const FUTURE =
  /\b(will|shall|won't|going to|due to|is due|are due|expected to|scheduled|set to|slated|plans? to|planned for|planning to|intends? to|to be held|upcoming|forthcoming|next|coming|later this|is to|are to|(is|are|am) \w+ing)\b|'ll\b/i;
const PAST =
  /\b(was|were|had|did|has been|have been|since|ago|last|earlier|previously|met|said|told|began|took|held|gave|made|left|sent|saw|spoke|struck|flew|fell|shot|led|won|lost|fought|brought|came|went|became|broke|chose|got|grew|knew|rose|ran|sought|stood|thought|wrote|[a-z]{2,}(?<!e)ed)\b/;
// Present tense of the verbs a schedule uses: "Ministers meet in Vilnius", "The exercise runs until May".
const PRESENT =
  /\b(meets?|opens?|begins?|starts?|gathers?|convenes?|hosts?|runs?|takes? place|kicks? off|resumes?|continues?|lasts?|arrives?|visits?|heads?|goes|votes)\b/i;
// A participle that describes a noun is no past: "a closely watched referendum", "the long-awaited summit".
const DESCRIBING_PARTICIPLE = /\b(?:(?:a|an|the)\s+(?:\w+ly\s+)?|\w+-)\w+ed\b/gi;
// "from June 15", "starting June 15": the start of something that, with no past in the clause, is still to come.
const FROM_BEFORE = /\b(from|starting|beginning|as of)\s*$/i;
// A clause ends at these; the tense of a neighbouring clause says nothing about this expression.
const CLAUSE_BREAK = /[,;:()—–"“”]|\bthat\b|\bwhich\b|\bwhile\b|\bbut\b/g;

function lastClause(text: string): string {
  let from = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) from = m.index + m[0].length;
  return text.slice(from);
}

function firstClause(text: string): string {
  const rest = text.replace(/^[\s,;:()]+/, '');
  CLAUSE_BREAK.lastIndex = 0;
  const m = CLAUSE_BREAK.exec(rest);
  return m ? rest.slice(0, m.index) : rest;
}

function tenseOf(clause: string): 'past' | 'future' | 'present' | null {
  if (FUTURE.test(clause)) return 'future';
  if (PAST.test(clause.replace(DESCRIBING_PARTICIPLE, ''))) return 'past';
  if (PRESENT.test(clause)) return 'present';
  return null;
}

/**
 * The tense of the clause holding sentence[start, end): first the words before the expression back to the
 * previous clause break, then the words after it up to the next one. When that clause shows none ("will meet in
 * Vilnius, the Lithuanian capital, from June 15": the date's clause is ", from"), the nearest earlier clause that
 * does: an appositive or a parenthesis does not change the tense of the sentence around it.
 */
export function tenseAround(sentence: string, start: number, end: number, maxChars = 100): Tense {
  const window = sentence.slice(Math.max(0, start - maxChars), start);
  const before = lastClause(window);
  if (/\bsince\s*$/i.test(before)) return 'past';
  const local = tenseOf(before) ?? tenseOf(firstClause(sentence.slice(end, end + maxChars)));
  if (local) return local;
  const clauses = window.split(CLAUSE_BREAK);
  for (let i = clauses.length - 2; i >= 0; i--) {
    const t = tenseOf(clauses[i]);
    if (t) return t;
  }
  return FROM_BEFORE.test(before) ? 'present' : 'unknown';
}
