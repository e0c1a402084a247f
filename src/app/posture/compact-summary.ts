// The posture summary in few words, for a phone's narrow row: the items held of one category as one line ("Missions:
// 2", which frames them), shorter wordings ("9 countries", "(30 days)"), so the row wraps to a line or two at 360 px
// instead of scrolling sideways or cutting a word ("Mission: Easte").
import { pluralOf, type SummaryItem } from './summary.ts';

/** One line a category for the items held, the recent incidents as they are; each line said shorter. */
export function compactSummary(items: readonly SummaryItem[]): SummaryItem[] {
  const out: SummaryItem[] = [];
  for (const item of items) {
    const last = out.at(-1);
    if (last && !item.recent && !last.recent && last.category === item.category) {
      // Several lines of one category come only from items named one by one (a mission each): one row each.
      const rows = [...last.rows, ...item.rows];
      out[out.length - 1] = { category: item.category, rows, count: rows.length, text: `${pluralOf(item.category)}: ${rows.length}` };
      continue;
    }
    out.push({ ...item, text: shorter(item.text) });
  }
  return out;
}

/** "Deployments: 9 host countries" → "Deployments: 9 countries"; "Incursions in the last 30 days: 1" → "Incursions (30 days): 1". */
export function shorter(text: string): string {
  return text.replace(/ host (countr(?:y|ies))\b/, ' $1').replace(/ in the last (\d+) days:/, ' ($1 days):');
}
