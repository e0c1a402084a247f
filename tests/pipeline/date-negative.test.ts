import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/pipeline/date.ts';
import { ingest } from '../../src/pipeline/ingest.ts';
import { segment } from '../../src/pipeline/segment.ts';

function textsOf(text: string, published: string | null = '2024-10-21'): string[] {
  const doc = ingest('doc.txt', new TextEncoder().encode(text), { file: 'doc.txt', title: 't', credit: null, published });
  return findDates(segment(doc), doc.published).map((d) => d.text);
}

describe('findDates: text that holds no date', () => {
  it.each([
    'NATO is bolstering battle groups, currently totalling around 5,000 troops.',
    'Allies are on track to meet their pledge of 40 billion euros in security assistance.',
    'The initiatives involve 26 NATO Allies and 13 countries contribute to the project.',
    'These initiatives involve 13 and 14 Allies, respectively.',
    'The European Parliament voted to approve $1.36 billion in financial aid.',
    'The ministry sent 2000 troops and 1500 vehicles to the region.',
    'Officials stayed in 2000 troops’ barracks.',
    'Russia may invade if talks fail.',
    'May I reiterate our position?',
    'Thousands march through the capital to protest.',
    'Protesters will march on the parliament.',
    'The Sunday Times reported the plan.',
    'Ministers are convening at 9:00 a.m. in the main hall.',
    'The hotline is staffed 24/7 and the 9/11 commission was cited.',
    'The Sun and the Wed. edition printed it; Sat in the chair was the envoy.',
    'Defense ministers convened for a two-day meeting in Brussels.',
    'Article 5 of the treaty was invoked by 32 members.',
    'Russia’s 1st Guards Tank Army and the 58th Army moved west.',
    'Parts 10/11/2024 of the catalogue are ambiguous.',
    'The jets stayed in the airspace for 12 minutes before turning back in two hours.',
    'The siege lasted 2017 days in all, by one count.',
    'Over the past two years, spending rose, and the past year was the hardest.',
    'In the past 24 hours, drones struck; in the coming months, plans firm up; they met for the last week.',
  ])('findDates() finds no date in %j', (sentence) => {
    expect(textsOf(sentence)).toEqual([]);
  });

  it('findDates() finds no date in a sentence that is only a clock time', () => {
    expect(textsOf('The briefing starts at 10 am and ends at 5 pm.')).toEqual([]);
  });

  it('findDates() reads "May" as a month only where it is one', () => {
    expect(textsOf('Russia may invade in May, officials warned. May was cold.')).toEqual(['May']);
  });
});
