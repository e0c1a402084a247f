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

  it('agrees with the noun before an "of" phrase, and the title keeps whose they are: "Members of the Polish parliament visit"', () => {
    const events = documentEvents('Members of the Estonian parliament visit the border crossing at Narva', '2026-04-14');
    expect(events.map((e) => [e.title, e.category])).toEqual([['Members of Estonian parliament visit border crossing at Narva', 'meeting']]);
  });

  it('keeps the noun where the clause has its own verb or the noun follows a name as a compound', () => {
    const visit = documentEvents('Senator Maria Holm visit to Erie drew large crowds on Saturday.', '2026-04-14');
    expect(visit.map((e) => e.title)).toEqual(['Senator Maria Holm visit to Erie']);
    const talks = documentEvents('Iceland talks in Vienna on Friday', '2026-04-14');
    expect(talks.map((e) => [e.category, e.entry.name])).toEqual([['meeting', 'Vienna']]);
  });
});

describe("a headline's future", () => {
  it('reads a "to"-infinitive right after the subject as planned: "Kallas to visit Kharkiv next week"', () => {
    expect(rows(documentEvents('Kallas to visit Kharkiv next week', '2026-04-14'))).toEqual([['Kallas to visit Kharkiv', 'meeting', 'Kharkiv', '2026-04-20']]);
    expect(rows(documentEvents('OSLO — Norway to shut its northern border crossing from Monday', '2026-04-14'))).toEqual([['Norway to shut its northern border crossing', 'other', 'Norway', '2026-04-20']]);
    // ... not after a noun the infinitive completes, nor in a sentence with its full stop
    expect(documentEvents('Efforts to hold talks in Geneva next week', '2026-04-14')).toEqual([]);
    expect(documentEvents('Pledge to keep an extra brigade in Latvia next year.', '2026-04-14')).toEqual([]);
  });
});

describe('participles inside a noun phrase', () => {
  it('reads "remaining" and "crossing" in "its last remaining road crossing" as words of the object', () => {
    const events = documentEvents('HELSINKI — Finland closed its last remaining road crossing with Russia on Friday, the interior ministry said.', '2026-04-14');
    expect(rows(events)).toEqual([['Finland closes its last remaining road crossing', 'other', 'Finland', '2026-04-10']]);
  });

  it('reads a verb written against a hyphen before a noun as part of the object: "a wreath-laying ceremony"', () => {
    const events = documentEvents('BOISE — Governor Ann Ruiz held a wreath-laying ceremony in Boise on Monday.', '2026-04-14');
    expect(events.map((e) => e.title)).toEqual(['Ruiz holds wreath-laying ceremony in Boise']);
  });
});

describe('a pronoun subject that names someone of an earlier phrase', () => {
  it('"they" after a sentence whose subject is units: their arrival is a deployment, titled with them', () => {
    const events = documentEvents('BERLIN (Reuters) - Some 600 Dutch soldiers left Oldenburg by train on Monday. They will arrive in Kaunas on Thursday, the army said.', '2026-04-14');
    expect(rows(events)).toEqual([['Some 600 Dutch soldiers to arrive in Kaunas', 'deployment', 'Kaunas', '2026-04-16']]);
  });

  it('"they" after a sentence with one plural object and a singular subject stands for the object', () => {
    const events = documentEvents('RIGA — The Latvian army said on Monday it would send 150 troops to Estonia. The army said they will arrive in Tartu on Friday.', '2026-04-14');
    expect(events.filter((e) => e.entry.name === 'Tartu').map((e) => [e.title, e.category])).toEqual([['150 troops to arrive in Tartu', 'deployment']]);
  });

  it('"they" after a plural subject is that subject: "agreed to meet again"', () => {
    const events = documentEvents('OSLO — Nordic health ministers gathered in Oslo on Tuesday. They discussed vaccine stocks and agreed to meet again in Reykjavik in June.', '2026-04-14');
    expect(events.filter((e) => e.entry.name === 'Reykjavík').map((e) => e.title)).toEqual(['Nordic health ministers to meet in Reykjavik']);
  });

  it('"there" after a journey is where the journey went, not the dateline', () => {
    const events = documentEvents('THE HAGUE — Dutch Prime Minister Anna Visser flew to Vilnius on Monday. She met President Nauseda there and toured a military base.', '2026-04-14');
    expect(events.filter((e) => e.category === 'meeting' && /Nauseda/.test(e.title)).map((e) => [e.title, e.entry.name])).toEqual([['Visser meets Nauseda in Vilnius', 'Vilnius']]);
  });

  it('"it" after a verb of saying is the body that said it', () => {
    const events = documentEvents('COPENHAGEN — The Danish defence ministry announced on Monday that it will send 200 troops to Estonia.', '2026-04-14');
    expect(events.map((e) => e.title)).toEqual(['Danish defence ministry to send 200 troops to Estonia']);
  });
});

describe('a state named beside an attack', () => {
  it('names the attacker only when its noun could strike: not "Latvian officials said a drone attack"', () => {
    const events = documentEvents('Latvian officials said a drone attack on Daugavpils was repelled on Monday.', '2026-04-14');
    expect(events.map((e) => [e.title, e.entry.name])).toEqual([['Drone attack on Daugavpils', 'Daugavpils']]);
    expect(documentEvents('Russian jets launched a heavy attack on Sumy on Monday.', '2026-04-14').map((e) => e.title)).toEqual(['Russian jets launch heavy attack on Sumy']);
  });
});

describe('names', () => {
  it('a titled person whose surname ends in -s is one person: "Rivers travels", "Flowers meets"', () => {
    expect(documentEvents('Senator Joan Rivers travelled to Kyiv on Monday.', '2026-04-14').map((e) => e.title)).toEqual(['Rivers travels to Kyiv']);
    expect(documentEvents('Mayor Ed Flowers met farmers in Barre on Friday.', '2026-04-14').map((e) => e.title)).toEqual(['Flowers meets farmers in Barre']);
  });

  it('a capitalised "-ing" word between two names is a word of one name: "the Tartu Riding Club"', () => {
    expect(documentEvents('The Tartu Riding Club will host a horse show in Tartu on May 9.', '2026-04-14').map((e) => e.title)).toEqual(['Tartu Riding Club to host horse show']);
  });
});

describe('who did it, when the phrase before the verb is not the subject', () => {
  it('an event noun that is the subject of a verb whose object names the place is titled with that verb', () => {
    const events = documentEvents('Cyclone Ulla struck Mauritian soil on Sunday, forecasters said.', '2026-04-14');
    expect(rows(events)).toEqual([['Cyclone Ulla strikes Mauritian soil', 'incident', 'Mauritius', '2026-04-12']]);
    // ... and a day after the object is none of it
    expect(documentEvents('A tornado struck the Tulsa suburbs Tuesday.', '2026-04-14').map((e) => e.title)).toEqual(['Tornado strikes Tulsa suburbs']);
  });

  it('after a verb of saying, the phrase before the reported verb is its subject, with its own "from" phrase', () => {
    const events = documentEvents('Latvian officials said the drone from Belarus crashed near Daugavpils on Monday.', '2026-04-14');
    expect(events.map((e) => [e.title, e.entry.name])).toEqual([['Drone crashes near Daugavpils', 'Daugavpils']]);
  });

  it('a gerund phrase after the subject describes it: "pilots flying Hornets intercepted"', () => {
    const events = documentEvents('Finnish pilots flying Hornets intercepted a Russian transport plane over the Gulf of Finland on Friday.', '2026-04-14');
    expect(events.map((e) => e.title)).toEqual(['Finnish pilots intercept Russian transport plane over Gulf of Finland']);
  });

  it('a plural opening a headline is a common noun once the repair finds its verb: "Crews fight"', () => {
    const events = documentEvents('Crews fight Fort Mill fire\n\nFORT MILL — Flames tore through a paint warehouse on Monday morning.', '2026-04-14');
    expect(events.map((e) => e.title)).toContain('Crews fight Fort Mill fire in Fort Mill');
  });
});
