// What a reader expects when news is written the way headlines, captions and follow-up sentences write it: a
// present tense the tagger takes for a noun ("visits"), a participle inside a noun phrase ("its last remaining road
// crossing"), a "they" that names the troops of the sentence before, an "it" that is the ministry that said so, a
// surname in -s that is one person. Every sentence is invented for these tests.
import { describe, expect, it } from 'vitest';
import { documentEvents } from './document-events.ts';

const rows = (events: ReturnType<typeof documentEvents>) => events.map((e) => [e.title, e.category, e.entry.name, e.start]);

describe('a headline or caption in the present tense', () => {
  it('reads a plural noun after a name as its verb: "visits", "hosts"', () => {
    expect(rows(documentEvents('Chancellor Weber visits Tartu', '2026-04-14'))).toEqual([['Weber visits Tartu', 'meeting', 'Tartu', '2026-04-01']]);
    expect(rows(documentEvents('PARNU — Estonia hosts Nordic defence chiefs in Parnu on Thursday.', '2026-04-14')).map((r) => r[0])).toEqual(['Estonia to host Nordic defence chiefs in Parnu']);
  });

  it('reads a bare noun after a plural as its verb: "drones strike"', () => {
    expect(rows(documentEvents('Ukrainian drones strike fuel depot in Tuapse', '2026-04-14'))).toEqual([['Ukrainian drones strike fuel depot in Tuapse', 'strike', 'Tuapse', '2026-04-01']]);
  });

  it('keeps the noun where the clause has its own verb or the noun follows a name as a compound', () => {
    const visit = documentEvents('Senator Maria Holm visit to Erie drew large crowds on Saturday.', '2026-04-14');
    expect(visit.map((e) => e.title)).toEqual(['Senator Maria Holm visit to Erie']);
    const talks = documentEvents('Iceland talks in Geneva on Friday', '2026-04-14');
    expect(talks.map((e) => [e.category, e.entry.name])).toEqual([['meeting', 'Geneva']]);
  });
});

describe('participles inside a noun phrase', () => {
  it('reads "remaining" and "crossing" in "its last remaining road crossing" as words of the object', () => {
    const events = documentEvents('HELSINKI — Finland closed its last remaining road crossing with Russia on Friday, the interior ministry said.', '2026-04-14');
    expect(rows(events)).toEqual([['Finland closes its last remaining road crossing', 'other', 'Finland', '2026-04-10']]);
  });

  it('reads a verb written against a hyphen before a noun as part of the object: "a bill-signing ceremony"', () => {
    const events = documentEvents('BOISE — Governor Ann Ruiz held a bill-signing ceremony at the statehouse in Boise on Monday.', '2026-04-14');
    expect(events.map((e) => e.title)).toEqual(['Ruiz holds bill-signing ceremony in Boise']);
  });
});
