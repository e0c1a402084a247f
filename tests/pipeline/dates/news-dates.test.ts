// Dates that news writes beyond a calendar date: holidays, parts of a month or a week, weekends, spans counted from
// their first day, and weekdays read in the tense of their clause. Every sentence is invented for these tests.
import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/pipeline/date.ts';
import { ingest } from '../../../src/pipeline/ingest.ts';
import { analyseSentence, tenseAt, type SentenceGrammar } from '../../../src/pipeline/language/clauses.ts';
import { tagSentences } from '../../../src/pipeline/language/tagger.ts';
import { segment } from '../../../src/pipeline/segment.ts';

/**
 * "text: start..end precision" per time expression found in `text` published on `published`; with `grammar`, each
 * read in the tense the grammar gives its clause, as the pipeline reads it.
 */
function summary(text: string, published: string, grammar = false): string[] {
  const doc = ingest('doc.txt', new TextEncoder().encode(text), { file: 'doc.txt', title: 't', credit: null, published });
  const sentences = segment(doc);
  const grammars: SentenceGrammar[] = [];
  if (grammar) tagSentences(doc.text, sentences, sentences.map((s) => s.isContent), (i, tokens) => { grammars[i] = analyseSentence(tokens); });
  const tenseOf = (i: number, start: number, end: number) => (grammars[i] ? tenseAt(grammars[i], start, end) : null);
  return findDates(sentences, doc.published, undefined, tenseOf).map((d) => (d.interval ? `${d.text}: ${d.interval.start}..${d.interval.end} ${d.interval.precision}` : `${d.text}: null`));
}

describe('findDates: holidays', () => {
  it('findDates() puts a fixed holiday on the last one before publication in a report, the next one in a plan', () => {
    expect(summary('A cargo ship lost power off Hammerfest on Christmas Day, the coast guard said.', '2025-12-28'))
      .toEqual(['Christmas Day: 2025-12-25..2025-12-25 day']);
    expect(summary('Firefighters were called to a burning barn outside Valga on New Year\'s Eve.', '2026-01-03'))
      .toEqual(['New Year\'s Eve: 2025-12-31..2025-12-31 day']);
    expect(summary('The new toll on the coastal motorway will take effect on New Year\'s Day.', '2025-12-29'))
      .toEqual(['New Year\'s Day: 2026-01-01..2026-01-01 day']);
  });

  it('findDates() computes the holidays that move: Western and Orthodox Easter, Good Friday, Thanksgiving', () => {
    expect(summary('The bishop will bless the restored chapel in Trier on Easter Sunday.', '2026-03-18'))
      .toEqual(['Easter Sunday: 2026-04-05..2026-04-05 day']);
    expect(summary('Shelling damaged a church in Sumy on Orthodox Easter, officials said.', '2024-05-08'))
      .toEqual(['Orthodox Easter: 2024-05-05..2024-05-05 day']);
    expect(summary('Ferries to the islands were cancelled on Good Friday because of the gale.', '2027-04-01'))
      .toEqual(['Good Friday: 2027-03-26..2027-03-26 day']);
    expect(summary('A grain silo exploded near Salina on Thanksgiving, killing one worker.', '2025-12-01'))
      .toEqual(['Thanksgiving: 2025-11-27..2025-11-27 day']);
  });

  it('findDates() takes the year or the pointing word written with a holiday', () => {
    expect(summary('The bridge first closed on Christmas Eve 2019 after a barge struck it.', '2026-02-01'))
      .toEqual(['Christmas Eve 2019: 2019-12-24..2019-12-24 day']);
    expect(summary('Turnout fell sharply compared with last Easter, the parish said.', '2026-05-20'))
      .toEqual(['last Easter: 2026-04-05..2026-04-05 day']);
  });

  it('findDates() takes the day or the year written beside a holiday over the one the tense would choose', () => {
    expect(summary('The plaque will be unveiled on Labor Day, Monday, September 7, the parks board said.', '2026-09-20'))
      .toEqual(['Labor Day, Monday, September 7: 2026-09-07..2026-09-07 day']);
    expect(summary('The bridge was meant to reopen on Veterans Day in 2023.', '2026-02-01'))
      .toEqual(['Veterans Day in 2023: 2023-11-11..2023-11-11 day']);
  });

  it('findDates() reads a holiday\'s weekend as its days: Good Friday to Easter Monday, Thursday to Sunday of Thanksgiving', () => {
    expect(summary('Two hikers fell to their deaths in the Julian Alps over the Easter weekend.', '2026-04-09'))
      .toEqual(['Easter weekend: 2026-04-03..2026-04-06 day']);
    expect(summary('Traffic deaths on Ohio roads rose over the Thanksgiving weekend.', '2025-12-02'))
      .toEqual(['Thanksgiving weekend: 2025-11-27..2025-11-30 day']);
  });

  it('findDates() reads no day in a holiday that names a place, an accord, a past disaster or a season', () => {
    expect(summary('He found the stray kitten on his porch one Christmas Eve.', '2026-01-10')).toEqual([]);
    expect(summary('Supplies reached Christmas Island by ship.', '2026-01-10')).toEqual([]);
    expect(summary('The Good Friday Agreement ended decades of violence.', '2026-01-10')).toEqual([]);
    expect(summary('Survivors of the Boxing Day tsunami gathered at the memorial.', '2026-01-10')).toEqual([]);
    expect(summary('Shops stayed open over Christmas and sold out of Thanksgiving turkeys.', '2026-01-10')).toEqual([]);
  });
});

describe('findDates: parts of a month, a year and a week', () => {
  it('findDates() reads "mid-March", "early April" and "late 2024" as that third of the month or year, at month precision', () => {
    expect(summary('The navy will hold minesweeping drills off Liepaja in mid-March.', '2026-01-20'))
      .toEqual(['mid-March: 2026-03-11..2026-03-20 month']);
    expect(summary('Hail flattened orchards around Kecskemet in early April.', '2026-05-18'))
      .toEqual(['early April: 2026-04-01..2026-04-10 month']);
    expect(summary('Work on the pipeline terminal stopped in late 2024.', '2026-03-01'))
      .toEqual(['late 2024: 2024-09-01..2024-12-31 month']);
  });

  it('findDates() narrows a month or a week counted from publication: "late last month", "early next week", "the end of the month"', () => {
    expect(summary('Dockworkers walked off the job in Gdynia late last month.', '2026-02-10'))
      .toEqual(['late last month: 2026-01-21..2026-01-31 month']);
    expect(summary('Transport ministers are expected to meet in Lisbon early next week.', '2026-02-12'))
      .toEqual(['early next week: 2026-02-16..2026-02-18 day']);
    expect(summary('The ferry line will stop running at the end of the month.', '2026-03-05'))
      .toEqual(['end of the month: 2026-03-21..2026-03-31 month']);
  });

  it('findDates() reads a half or a quarter of a year, named with its year or as "the year"', () => {
    expect(summary('Car sales in Slovakia fell in the first half of 2025.', '2026-02-10'))
      .toEqual(['the first half of 2025: 2025-01-01..2025-06-30 month']);
    expect(summary('The refinery near Pancevo is to restart in the second half of the year.', '2026-02-10'))
      .toEqual(['second half of the year: 2026-07-01..2026-12-31 month']);
    expect(summary('Exports through the port dropped in the third quarter of 2025.', '2026-02-10'))
      .toEqual(['the third quarter of 2025: 2025-07-01..2025-09-30 month']);
  });

  it('findDates() narrows a year chrono reads with its part words ("the end of last year")', () => {
    expect(summary('Grain exports through Izmail peaked at the end of last year.', '2026-02-10'))
      .toEqual(['end of last year: 2025-09-01..2025-12-31 month']);
  });

  it('findDates() keeps a day a day when a part word stands before it ("late Tuesday")', () => {
    expect(summary('The city council passed the budget late Tuesday.', '2026-02-12'))
      .toEqual(['late Tuesday: 2026-02-10..2026-02-10 day']);
  });
});

describe('findDates: the rest of a week or a month', () => {
  it('findDates() reads "earlier this week" up to publication and "later this month" from it', () => {
    expect(summary('Divers recovered a sunken barge near Ruse earlier this week.', '2026-02-12'))
      .toEqual(['earlier this week: 2026-02-09..2026-02-12 day']);
    expect(summary('The county assembly in Oradea will vote on the plan later this month.', '2026-02-12'))
      .toEqual(['later this month: 2026-02-12..2026-02-28 month']);
    // said on a Sunday, "later this week" is the coming one
    expect(summary('The auditors will publish their findings on the ferry company later this week.', '2026-02-15'))
      .toEqual(['later this week: 2026-02-16..2026-02-22 day']);
  });
});

describe('findDates: a day of the month alone', () => {
  it('findDates() puts "on the 14th" in the writing month, or the one before when a report\'s day is still to come', () => {
    expect(summary('A fire gutted a warehouse in Ostrava on the 14th, the fire service said.', '2026-05-18'))
      .toEqual(['the 14th: 2026-05-14..2026-05-14 day']);
    expect(summary('A fire gutted a warehouse in Ostrava on the 24th, the fire service said.', '2026-05-18'))
      .toEqual(['the 24th: 2026-04-24..2026-04-24 day']);
    expect(summary('The new bypass around Ostrava will open on the 24th.', '2026-05-18'))
      .toEqual(['the 24th: 2026-05-24..2026-05-24 day']);
  });

  it('findDates() reads "on the 7th and 8th of September" as those two days, not the 7th of this month', () => {
    expect(summary('The two trawlers were last seen off Arran on the 7th and 8th of September.', '2026-10-02'))
      .toEqual(['7th and 8th of September: 2026-09-07..2026-09-08 day']);
  });

  it('findDates() reads no day in an ordinal that counts something else', () => {
    expect(summary('The fire started on the 14th floor and spread to the 3rd Brigade barracks.', '2026-05-18')).toEqual([]);
  });
});

describe('findDates: a week or a season counted from publication', () => {
  it('findDates() reads "throughout the week" as the writing week and "the spring of next year" as that season', () => {
    expect(summary('Taxi drivers blocked the ring road around Sofia throughout the week, police said on Friday.', '2026-05-22'))
      .toEqual(['throughout the week: 2026-05-18..2026-05-24 day', 'Friday: 2026-05-22..2026-05-22 day']);
    expect(summary('Latvia will hold a referendum on the reform in the spring of next year.', '2026-05-20'))
      .toEqual(['spring of next year: 2027-03-01..2027-05-31 month']);
  });
});

describe('findDates: weekends', () => {
  it('findDates() puts "over the weekend" in a report on the Saturday and Sunday before publication', () => {
    expect(summary('Landslides cut off three villages in the Tatra foothills over the weekend.', '2026-01-14'))
      .toEqual(['over the weekend: 2026-01-10..2026-01-11 day']);
  });

  it('findDates() puts "this weekend" ahead in a plan, "last weekend" and "next weekend" where they point', () => {
    expect(summary('The mayor will open the rebuilt market hall this weekend.', '2026-04-08'))
      .toEqual(['this weekend: 2026-04-11..2026-04-12 day']);
    expect(summary('Two yachts collided off Hel last weekend.', '2026-04-08'))
      .toEqual(['last weekend: 2026-04-04..2026-04-05 day']);
    expect(summary('Two yachts collided off Hel last weekend.', '2026-04-12'))
      .toEqual(['last weekend: 2026-04-04..2026-04-05 day']);
    expect(summary('The storm is expected to reach the coast of Galway by the weekend.', '2026-05-20'))
      .toEqual(['by the weekend: 2026-05-23..2026-05-24 day']);
    // "the weekend of the 11th and 12th" names its own days
    expect(summary('The cattle fair in Ballina was held on the weekend of the 11th and 12th.', '2026-04-22'))
      .not.toContain('on the weekend: 2026-04-18..2026-04-19 day');
  });
});

describe('findDates: spans', () => {
  it('findDates() reads "from 3 to 5 June" as three days, not as hours of June', () => {
    expect(summary('The folk festival will run from 3 to 5 June in Sibiu.', '2026-05-20'))
      .toEqual(['3 to 5 June: 2026-06-03..2026-06-05 day']);
  });

  it('findDates() gives an event of so many days that opened on a day its last day too', () => {
    expect(summary('The four-day trade fair that opened Monday in Plovdiv drew 600 exhibitors.', '2026-06-10'))
      .toEqual(['Monday: 2026-06-08..2026-06-11 day']);
    // "between Monday and Wednesday" is one span
    expect(summary('Traffic over the bridge at Novi Sad will be halted between Monday and Wednesday.', '2026-05-08'))
      .toEqual(['Monday and Wednesday: 2026-05-11..2026-05-13 day']);
    // ... with its place between the verb and the day, or counted back from the day it ends
    expect(summary('A two-day meeting of Nordic fisheries ministers opened in Bodo on Monday.', '2026-05-13'))
      .toEqual(['Monday: 2026-05-11..2026-05-12 day']);
    expect(summary('The three-day congress of the party in Brno ends on Thursday.', '2026-06-23'))
      .toEqual(['Thursday: 2026-06-23..2026-06-25 day']);
    // ... not a day that opens something else than the event of so many days
    expect(summary('The union, weakened by a four-day strike in March and falling membership, will hold marches starting on May 2.', '2026-04-20'))
      .toEqual(['March: 2026-03-01..2026-03-31 month', 'May 2: 2026-05-02..2026-05-02 day']);
  });
});

describe('findDates: weekdays in the tense of a headline', () => {
  it('findDates() puts the weekday of a headline\'s "X to visit" ahead of publication, even the day before', () => {
    expect(summary('Slovak premier to visit Zagreb Friday', '2026-04-11', true)).toEqual(['Friday: 2026-04-17..2026-04-17 day']);
    expect(summary('Kremlin-backed governor to step down Friday', '2026-04-11', true)).toEqual(['Friday: 2026-04-17..2026-04-17 day']);
    // a clause that only ends in an infinitive is no headline's: "was at the depot Friday to inspect" reports
    expect(summary('The minister was at the depot Friday to inspect the new trams.', '2026-04-11', true)).toEqual(['Friday: 2026-04-10..2026-04-10 day']);
    // without the grammar, the words around it: "head to the polls" is a schedule, "closely watched" no past
    expect(summary('Voters in Tetovo head to the polls Sunday in a closely watched referendum.', '2026-05-16')).toEqual(['Sunday: 2026-05-17..2026-05-17 day']);
    // a report keeps the day before
    expect(summary('Slovak premier visited Zagreb Friday', '2026-04-11', true)).toEqual(['Friday: 2026-04-10..2026-04-10 day']);
  });
});
