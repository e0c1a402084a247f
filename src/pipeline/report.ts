// The run as a person reads it: totals, then per document what was found and, when nothing came of it, why.
import { count, type DocumentOutcome, type PipelineResult } from './index.ts';

export interface RunSummary {
  /** Documents in the folder: read, failed, or not read at all (too big, a broken manifest entry). */
  documents: number;
  failed: number;
  /** Problems that concern no document of the folder (a manifest entry naming a missing file). */
  otherProblems: number;
  sentences: number;
  mentionsFound: number;
  mentionsResolved: number;
  dates: number;
  candidates: number;
  undated: number;
  events: number;
  /** Candidates that joined another candidate's event. */
  merged: number;
}

/**
 * Totals of a run. `unread`: documents of the folder the pipeline never saw (too big, a broken manifest entry);
 * `otherProblems`: problems that are not a document (a manifest entry for a file not in the folder), counted apart
 * so one file and two such entries is "1 document", not "3 documents (2 failed)".
 */
export function summarise(result: PipelineResult, unread = 0, otherProblems = 0): RunSummary {
  const ok = result.outcomes.filter((o) => o.error === null);
  const sum = (f: (o: DocumentOutcome) => number) => ok.reduce((n, o) => n + f(o), 0);
  return {
    documents: result.outcomes.length + unread,
    failed: result.outcomes.length - ok.length + unread,
    otherProblems,
    sentences: sum((o) => o.sentences),
    mentionsFound: sum((o) => o.mentionsFound),
    mentionsResolved: sum((o) => o.mentionsResolved),
    dates: sum((o) => o.dates),
    candidates: result.candidates.length,
    undated: sum((o) => o.undated.length),
    events: result.events.length,
    merged: result.candidates.length - result.events.length,
  };
}

/** One line for the terminal. */
export function summaryLine(s: RunSummary): string {
  return (
    `${count(s.documents, 'document')} (${s.failed} failed), ${s.otherProblems ? `${count(s.otherProblems, 'other problem')}, ` : ''}` +
    `${count(s.sentences, 'sentence')}, ` +
    `${count(s.mentionsFound, 'place mention')} found, ${s.mentionsResolved} resolved, ${count(s.dates, 'date')}, ` +
    `${count(s.candidates, 'dated event report')} (${s.undated} undated), ${count(s.events, 'event')} after merging ${s.merged}`
  );
}

/** Why a document produced no event, from what the stages found in it. */
export function whyNothing(o: DocumentOutcome): string {
  if (o.error) return o.error;
  if (o.contentSentences === 0) return 'no content sentences (everything is boilerplate)';
  if (o.triggers === 0) return 'no event words (met, deployed, crashed, ...) in its content';
  if (o.mentionsResolved === 0) return o.mentionsFound ? 'place names found but none resolved' : 'no place names found';
  if (o.undated.length) return o.published ? 'events found but no date' : 'events found but undated: no date in the text near them and no published date';
  return 'no event word has a place it is about (a place after "in", "near", "into"...) in its sentence';
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/**
 * The Markdown report written by `--report`. `missing` lists problems that concern no ingested document; `unread` of
 * them are documents of the folder that were not read (see summarise).
 */
export function report(result: PipelineResult, missing: readonly string[] = [], unread = 0): string {
  const s = summarise(result, unread, missing.length - unread);
  const lines: string[] = ['# Geocoding report', '', summaryLine(s), ''];
  if (missing.length) {
    // One push per line: a spread of a list this long (200,000 missing files) overflows the stack.
    lines.push('## Problems', '');
    for (const m of missing) lines.push(`- ${m}`);
    lines.push('');
  }
  lines.push('## Stages', '', '| stage | ms | result |', '|---|---:|---|');
  for (const t of result.timings) lines.push(`| ${t.stage} | ${Math.round(t.ms)} | ${cell(t.detail)} |`);
  lines.push('', '## Documents', '');
  for (const o of result.outcomes) {
    lines.push(`### ${o.file}`, '', `${cell(o.title)}${o.published ? ` (published ${o.published})` : ' (no published date)'}`, '');
    if (o.error) {
      lines.push(`Failed: ${o.error}`, '');
      continue;
    }
    lines.push(
      `- sentences: ${o.sentences} (${o.contentSentences} content)`,
      `- place mentions: ${o.mentionsFound} found, ${o.mentionsResolved} resolved`,
      `- dates placed in time: ${o.dates}`,
      `- event words: ${o.triggers}`,
      `- events: ${o.events.length}, undated: ${o.undated.length}`,
      '',
    );
    for (const e of o.events) {
      lines.push(`  - ${e.category}: ${cell(e.title)} (${e.start === e.end ? e.start : `${e.start}..${e.end}`}, ${e.entry.name}, confidence ${e.confidence})`);
    }
    for (const u of o.undated) lines.push(`  - undated ${u.category}: "${cell(u.trigger)}" at ${u.place}`);
    if (o.events.length === 0) lines.push(`Nothing on the timeline: ${whyNothing(o)}.`);
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
