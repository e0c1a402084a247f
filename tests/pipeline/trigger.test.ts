import { describe, expect, it } from 'vitest';
import { findTriggers, verbForms } from '../../src/pipeline/trigger.ts';
import type { Sentence } from '../../src/pipeline/types.ts';

function sentence(text: string, isContent = true, start = 0): Sentence {
  return { start, end: start + text.length, text, isContent };
}
const found = (text: string) => findTriggers([sentence(text)]).map((t) => `${t.text}:${t.category}`);

describe('findTriggers', () => {
  it('findTriggers() finds the event word and its category in real news sentences', () => {
    expect(found('Subsequently, three Russian MiG-31 jets violated Estonian airspace.')).toEqual(['violated:incursion']);
    expect(found('When a DHL cargo plane crashed near Vilnius in Lithuania, there were suspicions it was sabotage.')).toEqual([
      'crashed:incident', 'sabotage:incident',
    ]);
    expect(found('NATO Defense Ministers convened for a two-day meeting in Brussels to discuss various global security issues.')).toEqual([
      'convened:meeting', 'meeting:meeting',
    ]);
    expect(found('Meanwhile, airstrikes by Moscow continue to pound power grids in Ternopil and Kyiv.')).toEqual(['airstrikes:strike']);
  });

  it('findTriggers() marks states that hold from their start on as persisting', () => {
    const [battle, deployed] = findTriggers([sentence('Battle groups in the Baltics and Poland were deployed in 2017.')]);
    expect([battle.category, battle.persists, deployed.category, deployed.persists]).toEqual(['deployment', true, 'deployment', true]);
    const [hq] = findTriggers([sentence('NSATU, headquartered in Wiesbaden, Germany, will assume coordination.')]);
    expect([hq.category, hq.persists]).toEqual(['headquarters', true]);
    const [crash] = findTriggers([sentence('The plane crashed near Vilnius.')]);
    expect(crash.persists).toBe(false);
  });

  it('findTriggers() gives document offsets that point at the word', () => {
    const text = 'Troops advanced toward Pokrovsk overnight.';
    const [t] = findTriggers([sentence(text, true, 500)]);
    expect([t.start, t.end, t.text, t.category]).toEqual([507, 515, 'advanced', 'advance']);
  });

  it('findTriggers() counts "mission" only when one is launched or new', () => {
    expect(found('The mission to secure airspace was launched in September.')).toEqual(['mission:mission', 'launched:mission']);
    expect(found('Our mission is to inform readers.')).toEqual([]);
  });

  it('findTriggers() needs airspace for a violation to be an incursion', () => {
    expect(found('The ruling violated the constitution.')).toEqual([]);
    expect(found('Russian drones violated Romanian airspace overnight.')).toEqual(['violated:incursion']);
  });

  it('findTriggers() skips purposes, intentions and negations', () => {
    expect(found('Attack drones used to strike Ukraine were bought abroad.')).toEqual([]);
    expect(found('Allies are on track to meet their pledge of 40 billion euros.')).toEqual(['pledge:aid']);
    expect(found('The ministers did not meet in Brussels.')).toEqual([]);
  });

  it('findTriggers() reads "advanced" as an adjective before a noun and as a verb before a preposition', () => {
    expect(found('They will provide advanced weapons systems.')).toEqual([]);
    expect(found('Russian forces advanced toward Kurakhove.')).toEqual(['advanced:advance']);
  });

  it('findTriggers() ignores sentences that are not content', () => {
    expect(findTriggers([sentence('Vi bruker informasjonskapsler; the meeting crashed.', false)])).toEqual([]);
  });
});

describe('verbForms', () => {
  it('verbForms() spells the regular forms', () => {
    expect(verbForms('convene')).toEqual(['convene', 'convenes', 'convened', 'convening']);
    expect(verbForms('crash')).toEqual(['crash', 'crashes', 'crashed', 'crashing']);
    expect(verbForms('meet', ['met'])).toEqual(['meet', 'meets', 'met', 'meeting']);
  });
});

describe('findTriggers in ordinary language', () => {
  it('findTriggers() ignores words that are events only among military or aid words', () => {
    expect(found('The two companies struck a deal in Paris on Monday.')).toEqual([]);
    expect(found('Workers went on strike in Lyon on Monday.')).toEqual([]);
    expect(found('The minister delivered a speech in Berlin.')).toEqual([]);
    expect(found('Shares made gains in London trading.')).toEqual([]);
    expect(found('The market crash in 2008 hit savers.')).toEqual([]);
    expect(found('Exports rose enough to meet demand in Asia.')).toEqual([]);
    expect(found('The firms met the requirements in Ohio.')).toEqual([]);
  });

  it('findTriggers() counts the same words among military or aid words', () => {
    expect(found('Russian missiles struck a power plant in Kharkiv.')).toEqual(['struck:strike']);
    expect(found('Russian forces made gains near Pokrovsk.')).toEqual(['gains:advance']);
    expect(found('A military helicopter crashed near Kaunas.')).toEqual(['crashed:incident']);
    expect(found('Berlin delivered air defence systems to Kyiv.')).toEqual(['delivered:aid']);
  });

  it('findTriggers() reads "headquarters" as news only when one is new, opened or moved', () => {
    expect(found('Ministers spoke to reporters at the headquarters in Brussels.')).toEqual([]);
    expect(found('The alliance opened a new headquarters in Bydgoszcz.')).toEqual(['headquarters:headquarters']);
  });

  it('findTriggers() counts a meeting that is due or set to happen but not one that is only hoped for', () => {
    expect(found('Zelenskiy, who is due to meet European leaders in Denmark on Thursday, urged allies to act.')).toEqual(['meet:meeting']);
    expect(found('He wants to meet Putin in Istanbul.')).toEqual([]);
  });

  it('findTriggers() knows visits, blasts, raids and military exercises', () => {
    expect(found('Zelenskiy visited Washington on Friday.')).toEqual(['visited:meeting']);
    expect(found('A blast ripped through a market in Kabul.')).toEqual(['blast:incident']);
    expect(found('Israeli forces carried out a raid in Jenin.')).toEqual(['raid:strike']);
    expect(found('NATO began its largest military exercise in decades in Poland.')).toEqual(['exercise:other']);
    expect(found('Students did the exercise in class.')).toEqual([]);
  });
});
