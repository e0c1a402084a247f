// How the CLI and the workbench name a correction that no longer applies: one line each, and a report section.
import type { Orphan } from '../src/pipeline/corrections.ts';

/** "orphaned correction c3 (move of "Drones over Wyryki", by Ana, 2025-10-20): 001.txt has changed since; kept in corrections.json". */
export function orphanLine({ correction: c, reason }: Orphan): string {
  const title = c.was?.title ?? (c.action === 'add' ? c.to.title : null);
  const what = title ? ` of "${title}"` : ` of ${c.event}`;
  return `orphaned correction ${c.id} (${c.action}${what}, by ${c.by}, ${c.at.slice(0, 10)}): ${reason}; kept in corrections.json, not applied`;
}

/** The report's section on orphans (empty when there are none). */
export function orphansSection(orphans: readonly Orphan[]): string {
  if (orphans.length === 0) return '';
  return ['', '## Orphaned corrections', '', 'Kept in corrections.json, not applied: each no longer matches its document.', '',
    ...orphans.map((o) => `- ${orphanLine(o)}`), ''].join('\n');
}
