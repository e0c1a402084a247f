import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isIsoDate } from '../../src/model/event.ts';
import { findDates } from '../../src/pipeline/date.ts';
import { ingest } from '../../src/pipeline/ingest.ts';
import { segment } from '../../src/pipeline/segment.ts';

function datesOf(text: string, published: string | null) {
  const doc = ingest('doc.txt', new TextEncoder().encode(text), { file: 'doc.txt', title: 't', credit: null, published });
  return { doc, dates: findDates(segment(doc), doc.published) };
}

/** "text: start..end precision" per mention found, or "text: null". */
function summary(text: string, published: string | null): string[] {
  return datesOf(text, published).dates.map((d) =>
    d.interval ? `${d.text}: ${d.interval.start}..${d.interval.end} ${d.interval.precision}` : `${d.text}: null`,
  );
}

describe('findDates: weekdays', () => {
  it('findDates() takes the year a written weekday agrees with ("Friday, April 6" is 2018, whatever the tense)', () => {
    expect(summary('The society will be coordinating activities on Friday, April 6, across the island.', '2018-04-10'))
      .toEqual(['Friday, April 6: 2018-04-06..2018-04-06 day']);
    expect(summary('The society will be coordinating activities on April 6, across the island.', '2018-04-10'))
      .toEqual(['April 6: 2019-04-06..2019-04-06 day']);
  });

  it('findDates() reads a weekday, a part of the day and the day it names as one date ("Friday night, May 15")', () => {
    expect(summary('The choir sang at the harbour festival Friday night, May 15, in Dayton.', '2009-06-15'))
      .toEqual(['Friday night, May 15: 2009-05-15..2009-05-15 day']);
  });

  it('findDates() resolves "on Wednesday" in a Wednesday document to that day', () => {
    expect(summary('NATO defense ministers are meeting on Wednesday to discuss enhanced deterrence measures.', '2025-10-15'))
      .toEqual(['Wednesday: 2025-10-15..2025-10-15 day']);
  });

  it('findDates() puts a weekday in a present or future clause in the coming days', () => {
    expect(summary('NATO defense ministers are meeting on Wednesday to discuss deterrence.', '2025-10-13'))
      .toEqual(['Wednesday: 2025-10-15..2025-10-15 day']);
    expect(summary('Moscow is expected to reply to the proposals on Thursday.', '2022-02-15'))
      .toEqual(['Thursday: 2022-02-17..2022-02-17 day']);
  });

  it('findDates() puts a weekday in a past clause on the latest such day on or before publication', () => {
    expect(summary('Defence ministers met on Monday in Brussels.', '2025-10-15')).toEqual(['Monday: 2025-10-13..2025-10-13 day']);
    expect(summary('Russian jets violated Estonian airspace on Friday.', '2025-10-15')).toEqual(['Friday: 2025-10-10..2025-10-10 day']);
  });

  it('findDates() takes the nearer weekday when the clause shows no tense', () => {
    expect(summary('Ministers meet Thursday in Brussels.', '2024-10-21')).toEqual(['Thursday: 2024-10-24..2024-10-24 day']);
    expect(summary('Ministers meet Friday in Brussels.', '2024-10-21')).toEqual(['Friday: 2024-10-18..2024-10-18 day']);
  });

  it('findDates() reads the tense of the clause that holds the weekday, not of the whole sentence', () => {
    expect(summary('Officials said on Monday that troops will deploy to the border.', '2025-10-15'))
      .toEqual(['Monday: 2025-10-13..2025-10-13 day']);
    expect(summary('In response to recent violations, ministers are convening on Friday at the headquarters.', '2025-10-15'))
      .toEqual(['Friday: 2025-10-17..2025-10-17 day']);
  });

  it('findDates() follows "last" and "next" before a weekday', () => {
    expect(summary('Talks collapsed last Wednesday. They resume next Wednesday.', '2025-10-15'))
      .toEqual(['last Wednesday: 2025-10-08..2025-10-08 day', 'next Wednesday: 2025-10-22..2025-10-22 day']);
  });

  it('findDates() folds a time of day into its day and reports no separate mention for it', () => {
    expect(summary('NATO defense ministers are convening on Wednesday (9:00 a.m.) at the headquarters.', '2025-10-15'))
      .toEqual(['Wednesday: 2025-10-15..2025-10-15 day']);
  });
});

describe('findDates: months and years', () => {
  it('findDates() resolves a bare past month to the latest such month on or before publication', () => {
    expect(summary('The mission was launched in September following presumed deliberate incursions.', '2025-10-15'))
      .toEqual(['September: 2025-09-01..2025-09-30 month']);
    expect(summary('The battalion arrived in November.', '2025-10-15')).toEqual(['November: 2024-11-01..2024-11-30 month']);
  });

  it('findDates() resolves a month in a future clause to the next such month', () => {
    expect(summary('A new mission under NATO is due to begin in January, headquartered in Germany.', '2024-11-26'))
      .toEqual(['January: 2025-01-01..2025-01-31 month']);
  });

  it('findDates() reads a bare year after a preposition as the whole year', () => {
    expect(summary('Battle groups, currently totalling around 5,000 troops, were deployed in 2017 in response to the seizure of Crimea.', '2022-02-17'))
      .toEqual(['2017: 2017-01-01..2017-12-31 year']);
  });

  it('findDates() reads "mid-2023" and "early 2024" as that third of the year, "since 2015" as the whole year', () => {
    expect(summary('Deliveries slowed in mid-2023 and resumed in early 2024. The base has been operational since 2015.', '2024-10-21'))
      .toEqual(['mid-2023: 2023-05-01..2023-08-31 month', 'early 2024: 2024-01-01..2024-04-30 month', '2015: 2015-01-01..2015-12-31 year']);
  });

  it('findDates() reads a month with its year as the whole month', () => {
    expect(summary('The exercise took place in March 2022 near the border.', '2024-10-21')).toEqual(['March 2022: 2022-03-01..2022-03-31 month']);
  });

  it('findDates() reads year ranges, decades and a year naming an event', () => {
    expect(summary('Troops rotated from 2014 to 2016. The 2023-24 budget grew. Bases closed in the 1990s. Leaders met at the 2022 summit.', '2024-10-21'))
      .toEqual([
        '2014 to 2016: 2014-01-01..2016-12-31 year',
        '2023-24: 2023-01-01..2024-12-31 year',
        '1990s: 1990-01-01..1999-12-31 year',
        '2022: 2022-01-01..2022-12-31 year',
      ]);
  });

  it('findDates() follows "last" and "next" before a month name', () => {
    expect(summary('Last October, Poland asked for more batteries. Next March, they arrive.', '2024-10-21'))
      .toEqual(['Last October: 2023-10-01..2023-10-31 month', 'Next March: 2025-03-01..2025-03-31 month']);
  });

  it('findDates() counts "N days ago" and "N months ago" back from publication', () => {
    expect(summary('Two days ago the jets were intercepted. The brigade arrived 3 months ago.', '2024-10-21'))
      .toEqual(['Two days ago: 2024-10-19..2024-10-19 day', '3 months ago: 2024-07-01..2024-07-31 month']);
  });

  it('findDates() turns "last month" and "last year" into month and year intervals', () => {
    expect(summary('Drones crossed the border last month. Spending rose last year.', '2024-10-21'))
      .toEqual(['last month: 2024-09-01..2024-09-30 month', 'last year: 2023-01-01..2023-12-31 year']);
  });
});

describe('findDates: full dates and days', () => {
  it('findDates() reads "October 17, 2024" and "17 October 2024" as that day', () => {
    expect(summary('The statement of October 17, 2024 repeated the pledge made on 17 October 2024.', '2024-10-21'))
      .toEqual(['October 17, 2024: 2024-10-17..2024-10-17 day', '17 October 2024: 2024-10-17..2024-10-17 day']);
  });

  it('findDates() reads "16-17 February 2022" as a two-day range at day precision', () => {
    expect(summary('Ministers meet in Brussels on 16-17 February 2022.', null)).toEqual(['16-17 February 2022: 2022-02-16..2022-02-17 day']);
  });

  it('findDates() reads two close days named with one month as a span', () => {
    expect(summary('The strikes on 13 and 14 October hit energy sites. Talks ran on October 20 and 21, 2024 in Brussels.', '2024-10-25'))
      .toEqual(['13 and 14 October: 2024-10-13..2024-10-14 day', 'October 20 and 21, 2024: 2024-10-20..2024-10-21 day']);
  });

  it('findDates() reads day-first dotted dates and the date in "the night of 24 February"', () => {
    expect(summary('The treaty was signed on 24.02.2022 in Minsk. The fleet left port on the night of 24 February.', '2024-10-21'))
      .toEqual(['24.02.2022: 2022-02-24..2022-02-24 day', '24 February: 2024-02-24..2024-02-24 day']);
  });

  it('findDates() takes the year of "on October 17" from the published date', () => {
    expect(summary('Nakatani participated in a NATO defense ministers’ meeting in Brussels on October 17, alongside defense chiefs.', '2024-10-21'))
      .toEqual(['October 17: 2024-10-17..2024-10-17 day']);
  });

  it('findDates() takes the previous year for a past day that would fall after publication', () => {
    expect(summary('The pact was signed on December 5.', '2024-10-21')).toEqual(['December 5: 2023-12-05..2023-12-05 day']);
  });

  it('findDates() resolves "Today" and "yesterday" against the published date', () => {
    expect(summary('Today, four partners joined us for the first time. The jets were intercepted yesterday.', '2024-10-21'))
      .toEqual(['Today: 2024-10-21..2024-10-21 day', 'yesterday: 2024-10-20..2024-10-20 day']);
  });

  it('findDates() resolves "Today" in an embedded post against the date of its attribution line', () => {
    const text = 'Today, four partners joined us for a Defence Ministerial.\n— Jane Doe (@janedoe) October 17, 2024\nThe meeting ended.';
    expect(summary(text, '2024-10-21')).toEqual(['Today: 2024-10-17..2024-10-17 day']);
  });

  it('findDates() resolves "day two of the meeting" to the published date, written on that day', () => {
    expect(summary('On day two of the Defence Ministers Meeting NATO members are talking to their counterparts.', '2022-02-17'))
      .toEqual(['day two: 2022-02-17..2022-02-17 day']);
  });

  it('findDates() counts "day two" from an earlier range that starts the meeting', () => {
    expect(summary('Ministers meet on 16-18 February 2022 in Brussels. On day two of the meeting they spoke to partners.', '2022-02-20'))
      .toEqual(['16-18 February 2022: 2022-02-16..2022-02-18 day', 'day two: 2022-02-17..2022-02-17 day']);
  });

  it('findDates() counts "day two" from an earlier day on which the meeting opened', () => {
    expect(summary('The summit opened on 9 July in Washington. On day two of the summit, leaders adopted a declaration.', '2024-07-11'))
      .toEqual(['9 July: 2024-07-09..2024-07-09 day', 'day two: 2024-07-10..2024-07-10 day']);
  });

  it('findDates() does not count "day two" from a start long before the writing day', () => {
    expect(summary('The war started on 24 February 2022. On day two of the summit, leaders adopted a declaration.', '2024-07-11'))
      .toEqual(['24 February 2022: 2022-02-24..2022-02-24 day', 'day two: 2024-07-11..2024-07-11 day']);
  });

  it('findDates() counts "day two" from the published date when the earlier range is longer than a meeting', () => {
    expect(summary('The exercise ran from 3 March to 5 April 2024. On day two of the summit leaders met.', '2024-07-10'))
      .toEqual(['3 March to 5 April 2024: 2024-03-03..2024-04-05 day', 'day two: 2024-07-10..2024-07-10 day']);
  });
});

describe('findDates: vague and undated', () => {
  it('findDates() reads periods relative to publication: "recently", "in recent weeks", "this week", "in the coming days"', () => {
    // 2022-02-17 is a Thursday: its week runs from Monday 14 to Sunday 20 February
    expect(summary('Jets recently violated the airspace. Troops arrived in recent weeks. Ministers met this week. Talks continue in the coming days.', '2022-02-17'))
      .toEqual([
        'recently: 2022-01-18..2022-02-17 month',
        'in recent weeks: 2022-01-20..2022-02-17 month',
        'this week: 2022-02-14..2022-02-20 day',
        'in the coming days: 2022-02-17..2022-02-20 month',
      ]);
  });

  it('findDates() reads the seasons a reporter names: "last fall", "this summer", "next spring", "the summer of 2024"', () => {
    expect(summary('Farmers protested last fall. They will return next spring. This summer is hot. Last winter was cold. In the summer of 2024 it rained.', '2026-03-10'))
      .toEqual([
        'last fall: 2025-09-01..2025-11-30 month',
        'next spring: 2027-03-01..2027-05-31 month',
        'This summer: 2026-06-01..2026-08-31 month',
        'Last winter: 2025-12-01..2026-02-28 month',
        'summer of 2024: 2024-06-01..2024-08-31 month',
      ]);
    // "last fall" written in December is the fall just over; "this winter" in January began the December before
    expect(summary('Last fall they met.', '2025-12-15')).toEqual(['Last fall: 2025-09-01..2025-11-30 month']);
    expect(summary('This winter is cold.', '2026-01-20')).toEqual(['This winter: 2025-12-01..2026-02-28 month']);
    // a fall with no word pointing at a time is no season
    expect(summary('The fall of the city shocked them.', '2026-01-20')).toEqual([]);
  });

  it('findDates() reads "this week" in a weekend statement that looks ahead as the coming working week', () => {
    // 2022-03-20 is a Sunday
    expect(summary('This week, the President will travel to Poland.', '2022-03-20')).toEqual(['This week: 2022-03-21..2022-03-27 day']);
  });

  it('findDates() leaves a duration alone: "for the last week"', () => {
    expect(summary('Stoltenberg repeated the lines for the last week.', '2022-02-17')).toEqual([]);
  });

  it('findDates() without a published date gives relative expressions a null interval', () => {
    expect(summary('Ministers are meeting on Wednesday. The mission began in September. Today they met.', null))
      .toEqual(['Wednesday: null', 'September: null', 'Today: null']);
  });

  it('findDates() without a published date still resolves absolute dates', () => {
    expect(summary('Since independence in 1991, cooperation grew. The meeting of October 17, 2024 was the first.', null))
      .toEqual(['1991: 1991-01-01..1991-12-31 year', 'October 17, 2024: 2024-10-17..2024-10-17 day']);
  });

  it('findDates() without a published date does not take a full date deep in the text for the writing day', () => {
    const text = 'Ministers met.\nThey talked.\nThey ate.\nThey left.\nThe invasion began on 24 February 2022.\nThey return on Monday.';
    expect(summary(text, null)).toEqual(['24 February 2022: 2022-02-24..2022-02-24 day', 'Monday: null']);
  });

  it('findDates() without a published date resolves relative expressions against a dateline at the top', () => {
    expect(summary('BRUSSELS, 17 October 2024. Ministers met yesterday.', null))
      .toEqual(['17 October 2024: 2024-10-17..2024-10-17 day', 'yesterday: 2024-10-16..2024-10-16 day']);
  });
});

describe('findDates: offsets and content', () => {
  afterEach(() => vi.useRealTimers());

  it('findDates() keeps exact document offsets, also after CRLF line ends and non-ASCII text', () => {
    const { doc, dates } = datesOf('Ukraine’s “plan” 🇺🇦\r\nMinisters met on Monday.\r\nThey return in January 2026.', '2025-10-15');
    expect(dates.map((d) => d.text)).toEqual(['Monday', 'January 2026']);
    for (const d of dates) expect(doc.text.slice(d.start, d.end)).toBe(d.text);
  });

  it('findDates() skips dates inside boilerplate', () => {
    expect(summary('Europe, News October 21, 2024 No Comments on Ministers meet6 minute read\nUpdated: 1 day ago\nMinisters met on Monday.', '2024-10-21'))
      .toEqual(['Monday: 2024-10-21..2024-10-21 day']);
  });

  it('findDates() depends on the published date only, never on the clock', () => {
    const text = 'Ministers met on Monday and will meet again in January. Jets were intercepted yesterday.';
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-06-01T00:00:00Z'));
    const later = summary(text, '2025-10-15');
    vi.setSystemTime(new Date('2019-01-01T00:00:00Z'));
    expect(summary(text, '2025-10-15')).toEqual(later);
    expect(later).toEqual([
      'Monday: 2025-10-13..2025-10-13 day',
      'January: 2026-01-01..2026-01-31 month',
      'yesterday: 2025-10-14..2025-10-14 day',
    ]);
  });
});

describe('findDates: properties', () => {
  const piece = fc.constantFrom(
    'on Wednesday', 'in September', 'May', 'may', 'march', 'in 2017', '5,000 troops', 'October 17, 2024', '16-17 February 2022',
    'Today', 'yesterday', 'last month', 'day two of the meeting', 'at 9:00 a.m.', 'the 1990s', 'Sunday Times', 'ministers met',
    'will meet', '.', ',', '\n', '\r\n', '🇺🇦', 'Ukraine’s', 'Share on Facebook', 'for 12 minutes',
  );
  const text = fc.array(piece, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(' ')).filter((t) => t.trim() !== '');
  const published = fc.option(
    fc.integer({ min: 0, max: 40_000 }).map((n) => new Date(Date.UTC(1990, 0, 1 + n)).toISOString().slice(0, 10)),
  );

  it('findDates() returns mentions in order whose text matches their offsets and whose intervals are valid', () => {
    fc.assert(
      fc.property(text, published, (t, p) => {
        const { doc, dates } = datesOf(t, p);
        let previousEnd = 0;
        for (const d of dates) {
          expect(doc.text.slice(d.start, d.end)).toBe(d.text);
          expect(d.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = d.end;
          if (d.interval) {
            expect(isIsoDate(d.interval.start) && isIsoDate(d.interval.end)).toBe(true);
            expect(d.interval.start <= d.interval.end).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
