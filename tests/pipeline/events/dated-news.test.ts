// Events dated the way news dates them beyond a calendar date: by a holiday, a part of a month, a weekend, a span
// counted from its first day, or a day counted back from one just told. Every sentence is invented for these tests.
import { describe, expect, it } from 'vitest';
import { documentEvents } from './document-events.ts';

const when = (events: ReturnType<typeof documentEvents>) => events.map((e) => [e.title, e.start, e.end, e.status]);

describe('events dated by the days news names', () => {
  it('an event on a holiday takes that day: the last one before a report', () => {
    const events = documentEvents('HAMMERFEST, Norway — A cargo plane crashed near Hammerfest on Christmas Day, the police said.', '2025-12-28');
    expect(events.map((e) => [e.entry.name, e.start, e.end])).toEqual([['Hammerfest', '2025-12-25', '2025-12-25']]);
  });

  it('an event over the weekend takes the Saturday and Sunday before the report', () => {
    const events = documentEvents('Landslides buried a mountain road near Zakopane over the weekend, police said on Wednesday.', '2026-01-14');
    expect(events.map((e) => [e.entry.name, e.start, e.end])).toEqual([['Zakopane', '2026-01-10', '2026-01-11']]);
  });

  it('a planned event in mid-month takes that third of the month', () => {
    const events = documentEvents('The Latvian navy will hold minesweeping drills off Liepaja in mid-March.', '2026-01-20');
    expect(events.map((e) => [e.entry.name, e.start, e.end, e.status])).toEqual([['Liepāja', '2026-03-11', '2026-03-20', 'planned']]);
  });

  it('an event of so many days that opened on a day spans them all', () => {
    const events = documentEvents('PLOVDIV, Bulgaria — The four-day trade summit that opened Monday in Plovdiv drew ministers from 20 countries.', '2026-06-10');
    expect(events.map((e) => [e.entry.name, e.start, e.end])).toEqual([['Plovdiv', '2026-06-08', '2026-06-11']]);
  });

  it('an event "a day earlier" is the day before the one the paragraph told', () => {
    const events = documentEvents('Police detained two men in Tartu on Friday. A day earlier, a parcel bomb exploded outside the town hall in Tartu.', '2026-03-16');
    expect(when(events).filter(([t]) => /bomb/i.test(String(t))).map(([, s, e]) => [s, e])).toEqual([['2026-03-12', '2026-03-12']]);
  });
});
