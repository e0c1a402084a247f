// corpus.json, the fourth file of the contract (docs/event-data.md): what the corpus is called. The pipeline copies it
// from the corpus manifest's top-level "title" and "subtitle"; the app shows it in its header, the page's title, embeds
// and exports. Without one, the app says what the data is (app/format/corpus-title.ts), never another corpus's name.
import { z } from 'zod';

export const CORPUS_DEFAULTS = {
  /** Longest title: it is one line of a header and of a printed map's title box. */
  maxTitleChars: 120,
  /** Longest subtitle: a line under the title. */
  maxSubtitleChars: 240,
};

// Letters of any script, no control characters (a newline would break the header's one line and the PNG's box).
const line = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\p{Cc}]*$/u, 'holds a control character (a newline, a tab)');

export const CorpusInfoSchema = z.object({
  title: line(CORPUS_DEFAULTS.maxTitleChars).nullable(),
  subtitle: line(CORPUS_DEFAULTS.maxSubtitleChars).nullable(),
});
export type CorpusInfo = z.infer<typeof CorpusInfoSchema>;

export const NO_CORPUS_INFO: CorpusInfo = { title: null, subtitle: null };

/** What a value given for a field is, for a message ("a number", "an empty text"). */
function described(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? 'an empty text' : `a text of ${value.trim().length} characters`;
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * The title and subtitle of a manifest's (or corpus.json's) top level, each checked alone: a bad one is left out with a
 * one-line message naming `fileName`, the other is kept. Absent or null fields are no problem.
 */
export function readCorpusInfo(json: unknown, fileName: string): { info: CorpusInfo; problems: string[] } {
  const top = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const info: CorpusInfo = { title: null, subtitle: null };
  const problems: string[] = [];
  for (const field of ['title', 'subtitle'] as const) {
    const value = top[field];
    if (value === undefined || value === null) continue;
    const checked = CorpusInfoSchema.shape[field].safeParse(value);
    if (checked.success) {
      info[field] = checked.data;
      continue;
    }
    const max = field === 'title' ? CORPUS_DEFAULTS.maxTitleChars : CORPUS_DEFAULTS.maxSubtitleChars;
    const control = typeof value === 'string' && /\p{Cc}/u.test(value.trim());
    const why = control ? 'holds a control character (a newline, a tab)' : `must be one line of text, 1 to ${max} characters (got ${described(value)})`;
    problems.push(`${fileName}: "${field}" ${why}; it is left out${field === 'title' ? ', the map shows a title made from the data' : ''}`);
  }
  return { info, problems };
}
