// A month and day without a year in a clause that looks ahead: the next such day on or after publication, even
// when an appositive or a parenthesis stands between the verb and the date.
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/pipeline/date.ts';

function summary(text: string, published: string | null): string[] {
  return findDates([{ start: 0, end: text.length, text, isContent: true }], published).map((d) =>
    d.interval ? `${d.text}: ${d.interval.start}..${d.interval.end}` : `${d.text}: null`);
}

describe('findDates: future and present clauses', () => {
  it('findDates() puts "will meet ... from June 15" on the next June 15, across an appositive or a parenthesis', () => {
    expect(summary('NATO defence ministers will meet in Vilnius, the Lithuanian capital, from June 15.', '2025-03-01'))
      .toEqual(['June 15: 2025-06-15..2025-06-15']);
    expect(summary('Ministers will meet in Vilnius (Lithuania) from June 15.', '2025-03-01'))
      .toEqual(['June 15: 2025-06-15..2025-06-15']);
    // published after this year's June 15: the next one is next year's
    expect(summary('Ministers will meet in Vilnius, the Lithuanian capital, from June 15.', '2025-07-01'))
      .toEqual(['June 15: 2026-06-15..2026-06-15']);
  });

  it('findDates() reads a schedule in the present ("meet ... from June 15") as the nearer June 15', () => {
    expect(summary('Defence ministers meet in Brussels from June 15.', '2025-03-01')).toEqual(['June 15: 2025-06-15..2025-06-15']);
    expect(summary('Talks open in Geneva on June 15.', '2025-03-01')).toEqual(['June 15: 2025-06-15..2025-06-15']);
    // a headline's present the day after reports the day before
    expect(summary('Russian drones strike Kyiv on June 15.', '2025-06-16')).toEqual(['June 15: 2025-06-15..2025-06-15']);
  });

  it('findDates() still takes the clause nearest the date first: a past clause keeps its past date', () => {
    expect(summary('The exercise, which will be repeated, ended on June 15.', '2025-03-01')).toEqual(['June 15: 2024-06-15..2024-06-15']);
    expect(summary('The ministers met, as planned, from June 15.', '2025-09-01')).toEqual(['June 15: 2025-06-15..2025-06-15']);
  });
});
