import { describe, expect, it } from 'vitest';
import { analyseSentence } from '../../../src/pipeline/language/clauses.ts';
import { tag } from '../../../src/pipeline/language/tagger.ts';
import { findPredicates } from '../../../src/pipeline/events/predicates.ts';
import { loadResources } from '../resources.ts';

const predicates = (text: string, start = 0) => findPredicates(analyseSentence(tag(text, start)), text, loadResources().lexicon);
const found = (text: string) => predicates(text).map((p) => `${p.text}:${p.category}`);
const stated = (text: string) => predicates(text).map((p) => `${p.text}:${p.status}`);

describe('findPredicates: event words from the lexicon, with their category', () => {
  it('findPredicates() finds verbs and event nouns in real news sentences', () => {
    expect(found('Subsequently, three Russian MiG-31 jets violated Estonian airspace.')).toEqual(['violated:incursion']);
    expect(found('When a DHL cargo plane crashed near Vilnius in Lithuania, there were suspicions it was sabotage.')).toEqual(['crashed:incident', 'sabotage:incident']);
    expect(found('NATO Defense Ministers convened for a two-day meeting in Brussels to discuss various global security issues.')).toEqual(['convened:meeting', 'meeting:meeting']);
    expect(found('Meanwhile, airstrikes by Moscow continue to pound power grids in Ternopil and Kyiv.')).toContain('airstrikes:strike');
  });

  it('findPredicates() reads events told as nouns: a summit, an attack, a visit, an opening, a withdrawal', () => {
    expect(found('Leaders gathered for the summit in Vilnius.')).toContain('summit:meeting');
    expect(found('The attack on the convoy killed four soldiers.')).toContain('attack:strike');
    expect(found('His visit to Kyiv lasted six hours.')).toContain('visit:meeting');
    expect(found('The withdrawal of the troops from the border began.')).toContain('withdrawal:other');
    expect(found('Yesterday’s establishment of two new brigades in Romania was a warning.')).toContain('establishment:deployment');
  });

  it('findPredicates() reads meetings and travel: met, will travel, arrived, hosted', () => {
    expect(found('The President met with Prime Minister Tusk in Warsaw.')).toEqual(['met:meeting']);
    expect(found('The Vice President will travel to Chile from March 3-5.')).toEqual(['travel:meeting']);
    expect(found('The Chancellor arrived in Vilnius on Monday.')).toEqual(['arrived:meeting']);
    expect(found('The President hosted Chancellor Merz at the White House today.')).toEqual(['hosted:meeting']);
  });

  it('findPredicates() reads states: hosting forces, a battalion stationed, troops deployed there', () => {
    expect(found('Romania is hosting 4,000 U.S. forces.')).toEqual(['hosting:deployment']);
    expect(found('The battalion stationed in Tapa is British.')).toEqual(['stationed:deployment']);
    expect(stated('Lithuania hosts 1,000 German soldiers.')).toEqual(['hosts:ongoing']);
  });

  it('findPredicates() reads a verb by its object: sending troops, violating airspace, taking in refugees', () => {
    expect(found('Germany sent 500 troops to Lithuania.')).toEqual(['sent:deployment']);
    expect(found('Germany sent a letter to Lithuania.')).toEqual([]);
    expect(found('Moldova took in 100,000 refugees who fled the war.')).toEqual(['took:aid']);
    expect(found('Two MiG-31 jets entered the airspace of Estonia.')).toEqual(['entered:incursion']);
    expect(found('Students entered the building.')).toEqual([]);
  });

  it('findPredicates() gives document offsets that point at the word', () => {
    const text = 'Troops advanced toward Pokrovsk overnight.';
    const [p] = predicates(text, 500);
    expect([p.start, p.end, p.text, p.category]).toEqual([507, 515, 'advanced', 'advance']);
  });

  it('findPredicates() marks states that hold from their start on as persisting', () => {
    const [battle, deployed] = predicates('Battle groups in the Baltics and Poland were deployed in 2017.');
    expect([battle.category, battle.persists, deployed.category, deployed.persists]).toEqual(['deployment', true, 'deployment', true]);
    const [crash] = predicates('The plane crashed near Vilnius.');
    expect(crash.persists).toBe(false);
  });
});

describe('findPredicates: tense, aspect and modality', () => {
  it('findPredicates() keeps what is planned or announced, and says so', () => {
    expect(stated('The President will travel to Warsaw on Friday.')).toEqual(['travel:planned']);
    expect(stated('A new mission is due to begin in January.')).toEqual(['mission:planned']);
    expect(stated('Ministers are meeting in Brussels on Wednesday.')).toEqual(['meeting:ongoing']);
    expect(stated('Germany announced that it would send 500 troops to Lithuania.')).toEqual(['send:planned']);
    expect(stated('Rutte said allies would meet in Warsaw next month.')).toEqual(['meet:planned']);
    expect(stated('Leaders gathered ahead of the upcoming summit in Vilnius.')).toContain('summit:planned');
  });

  it('findPredicates() drops what is denied or only supposed', () => {
    expect(found('The ministers did not meet in Brussels.')).toEqual([]);
    expect(found('Russia could attack Lithuania if talks fail.')).toEqual([]);
    expect(found('Allies agreed on sanctions should the army further shell Kharkiv.')).toEqual([]);
    expect(found('NATO will defend against any attack on its territory.')).toEqual([]);
    expect(found('He wants to meet Putin in Istanbul.')).toEqual([]);
    expect(found('Attack drones used to strike Ukraine were bought abroad.')).toEqual([]);
  });

  it('findPredicates() reads the mood of a verb that follows another: continue to strike, fail to reach', () => {
    expect(stated('Russian missiles continue to strike power plants in Kharkiv.')).toEqual(['strike:happened']);
    expect(found('The delegation failed to visit Kyiv.')).toEqual([]);
  });
});

describe('findPredicates in ordinary language', () => {
  it('findPredicates() ignores words that are events only among military or aid words', () => {
    expect(found('The two companies struck a deal in Paris on Monday.')).toEqual([]);
    // a walkout is an event too, but no attack
    expect(found('Workers went on strike in Lyon on Monday.')).toEqual(['strike:other']);
    expect(found('Shares made gains in London trading.')).toEqual([]);
    expect(found('The market crash in 2008 hit savers.')).toEqual([]);
    expect(found('Exports rose enough to meet demand in Asia.')).toEqual([]);
    expect(found('The ruling violated the constitution.')).toEqual([]);
    expect(found('Students did the exercise in class.')).toEqual([]);
  });

  it('findPredicates() counts the same words among military or aid words', () => {
    expect(found('Russian missiles struck a power plant in Kharkiv.')).toEqual(['struck:strike']);
    expect(found('Russian forces made gains near Pokrovsk.')).toEqual(['gains:advance']);
    expect(found('A military helicopter crashed near Kaunas.')).toEqual(['crashed:incident']);
    expect(found('Berlin delivered air defence systems to Kyiv.')).toEqual(['delivered:aid']);
    expect(found('We have delivered two Patriot batteries to Poland.')).toEqual(['delivered:deployment']);
    expect(found('NATO began its largest military exercise in decades in Poland.')).toContain('exercise:other');
  });

  it('findPredicates() reads "headquarters" as news only when one is new, opened or moved', () => {
    expect(found('Ministers spoke to reporters at the headquarters in Brussels.')).toEqual([]);
    expect(found('The alliance opened a new headquarters in Bydgoszcz.')).toContain('headquarters:headquarters');
  });

  it('findPredicates() does not take a trip for news unless it is someone’s, nor flights for people who meet', () => {
    expect(found('A return trip to Madeira costs less in winter.')).toEqual([]);
    expect(found('During her trip to Warsaw, the Vice President announced new aid.')).toContain('trip:meeting');
    expect(found('Charter flights arrive at Gatwick from Madeira.')).toEqual([]);
  });

  it('findPredicates() does not read a verb inside a compound: "President-Elect"', () => {
    expect(found('The inauguration of the President-Elect of Chile is in March.')).toEqual(['inauguration:other']);
  });
});
