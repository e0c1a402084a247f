// Whether a sentence reports an event at all, on news of every kind (not only the eastern flank): what is denied,
// supposed, asked, looked back on or told as someone's past is no marker, and one happening told twice is one marker.
// Invented sentences through every stage (the real gazetteer and event lexicon).
import { describe, expect, it } from 'vitest';
import { merge } from '../../../src/pipeline/merge.ts';
import { documentEvents } from './document-events.ts';

/** Tuesday 12 March 2024 unless told. */
const eventsOf = (text: string, published: string | null = '2024-03-12') => documentEvents(text, published);
const summary = (text: string) => eventsOf(text).map((e) => `${e.category} ${e.entry.name} ${e.status}`);

describe('one happening told at two grains of place is one event', () => {
  it('merges a town and the country it lies in, named in one sentence', () => {
    const events = merge(eventsOf('On Friday a landslide in the district of Huaraz, in Peru, buried a mountain road and killed four people.'));
    expect(events.map((e) => [e.category, e.entry.name, e.start])).toEqual([['incident', 'Huaraz', '2024-03-08']]);
  });

  it('merges a visit to a country with the meeting its capital saw, told in the next sentence', () => {
    const events = merge(eventsOf("Japan's foreign minister met with her Chilean counterpart in Santiago on Tuesday. The minister, who is visiting Chile for three days, will also tour a copper mine."));
    expect(events.map((e) => [e.category, e.entry.name])).toEqual([['meeting', 'Santiago']]);
  });

  it('does not keep a meeting apart from the visit it belongs to for the one met (people tell two meetings apart)', () => {
    const events = merge(eventsOf("Japan's foreign minister met her Chilean counterpart in Santiago on Tuesday. The minister, who is visiting Chile for three days, will also tour a copper mine."));
    expect(events.map((e) => [e.category, e.entry.name])).toEqual([['meeting', 'Santiago']]);
  });
});

describe('an event counted among others is the one the sentence told', () => {
  it('makes no second event of "in the third deadly attack in Afghanistan this week"', () => {
    const text = 'A roadside bomb exploded near a bus station in Kandahar on Tuesday, killing six people, in the third deadly attack in Afghanistan this week.';
    expect(summary(text)).toEqual(['incident Kandahār happened']);
  });

  it('keeps a counted attack alone in its sentence, and one told as the cause of another event', () => {
    expect(summary('Militants launched their fourth attack on the army base near Mosul this month on Sunday, officials said.')).toEqual(['strike Mosul happened']);
    expect(summary('Troops were sent to Herat on Monday after the third attack on the airport in Kandahar this week.')).toEqual(['deployment Herāt happened', 'strike Kandahār happened']);
  });
});

describe('history told in passing is not news of the day', () => {
  it('puts no "previous" or "earlier" event at the date of publication', () => {
    expect(summary('Earlier outbreaks of the disease, including one in Lyon, killed dozens of cattle.')).toEqual([]);
    expect(summary('Previous attacks on the pipeline near Kirkuk were blamed on militants with rockets.')).toEqual([]);
  });

  it('keeps an earlier event the text dates itself', () => {
    const [e, ...rest] = eventsOf('Past floods in Ghent in 2010 forced thousands of residents from their homes.');
    expect(rest).toEqual([]);
    expect([e.category, e.entry.name, e.entry.country, e.start]).toEqual(['incident', 'Gent', 'BE', '2010-01-01']);
  });

  it('reads a perfect in a relative clause about a person as that person\'s past', () => {
    expect(summary('Okafor, who has received asylum in Ghana, was sentenced in absentia last year.')).toEqual([]);
    expect(summary('The envoy, who had visited Kabul twice, said on Monday that negotiators would resume their work.')).toEqual([]);
  });
});

describe('what is supposed, asked or denied did not happen', () => {
  it('supposes the subject of an "if" clause even when its verb is read as a noun', () => {
    expect(summary('Analysts warned that Russia could invade Georgia again if talks in Geneva collapse next month.')).toEqual([]);
  });

  it('reads "why he would" after a verb of saying as a question, not a plan', () => {
    const events = eventsOf('A gunman killed two guards at a bank in Tulsa on Sunday. His sister said she did not understand why he would shoot the guards there.');
    expect(events.map((e) => `${e.category} ${e.entry.name} ${e.status} ${e.start}`)).toEqual(['incident Tulsa happened 2024-03-10']);
    expect(summary('The mayor said on Monday nobody knew why the rebels would attack the army base in Goma with rockets.')).toEqual([]);
  });

  it('takes what officials rejected reports of as denied', () => {
    expect(summary('Officials in Cairo rejected reports that the president had met rebel leaders in Khartoum last week.')).toEqual([]);
  });
});

describe('a private visit is no meeting', () => {
  it('does not report a stay in someone\'s home', () => {
    expect(summary('The senator visited in his sister\'s home in Boise on Sunday before he fell ill.')).toEqual([]);
  });

  it('reads a trip that sets the scene of what befell someone as no news, unless it has a time of its own', () => {
    expect(summary('Twelve pupils and two teachers may have caught measles during their trip to Morocco, health officials said on Monday.')).toEqual([]);
    expect(summary('The foreign minister announced new aid for farmers on her trip to Accra on Monday.')).toEqual(['meeting Accra happened']);
  });

  it('finds the subject of "are thought to have arrived" before the verb that governs it', () => {
    expect(summary('Two infected passengers are thought to have arrived in Nairobi from Dubai on Friday.')).toEqual([]);
    expect(summary('The envoy is due to arrive in Nairobi on Friday.')).toEqual(['meeting Nairobi planned']);
  });
});

describe('a participle that describes a noun tells no journey', () => {
  it('reads "arriving mercenaries" as mercenaries, not as someone arriving', () => {
    expect(summary('Officials in Baku cited Armenian talk of arriving mercenary units as proof of war plans.')).toEqual([]);
    expect(summary('Officials in Baku cited news of arriving mercenaries as a sign of war.')).toEqual([]);
  });

  it('still reads "are arriving in Vilnius" as a journey', () => {
    expect(summary('The defence ministers are arriving in Vilnius on Monday.')).toEqual(['meeting Vilnius happened']);
  });
});

describe('sport is not news of meetings', () => {
  it('does not report a side travelling to a fixture as a meeting', () => {
    expect(summary('The team arrived in Tokyo on Monday for the Olympic qualifiers.')).toEqual([]);
    expect(summary('The squad flew to Madrid on Tuesday ahead of the cup final.')).toEqual([]);
  });

  it('still reports envoys arriving for the final round of talks, or observers for war games', () => {
    expect(summary('Negotiators arrived in Doha on Monday for the final round of talks.')).toEqual(['meeting Doha happened']);
    expect(summary('Military observers arrived in Tallinn on Monday for war games with allied troops.')).toEqual(['meeting Tallinn happened']);
  });
});

describe('business is not aid', () => {
  it('does not take a company opening a facility for a hub of aid', () => {
    expect(summary('A Swedish battery maker opened a new facility in Gdansk on Monday, promising a $2 million investment and 300 jobs.')).toEqual([]);
    expect(summary('The bakery chain opened a distribution centre in Leipzig on Monday.')).toEqual([]);
  });

  it('still takes a shelter opened for people displaced by fighting', () => {
    expect(summary('The charity opened a shelter in Lodz on Monday for families displaced by the fighting.')).toEqual(['aid Łódź happened']);
  });
});
