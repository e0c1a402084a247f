import { describe, expect, it } from 'vitest';
import { confidenceInWords, formatDateAtPrecision, formatWhen, isUncertainDate, reasonInWords } from '../../../src/app/format/certainty.ts';
import { countryName, formatCountries, formatPlaceName } from '../../../src/app/format/place.ts';

const day = { start: '2025-10-15', end: '2025-10-15', precision: 'day' as const };
const month = { start: '2025-09-01', end: '2025-09-30', precision: 'month' as const };

describe('dates as certain as the data', () => {
  it('formatDateAtPrecision() says which part of a month or year date is unknown', () => {
    expect(formatDateAtPrecision(month)).toBe('September 2025 (day unknown)');
    expect(formatDateAtPrecision({ start: '2019-01-01', end: '2019-12-31', precision: 'year' })).toBe('2019 (month and day unknown)');
    expect(formatDateAtPrecision(day)).toBe('15 October 2025');
  });

  it('formatWhen() says a planned event is planned and an ongoing one ongoing', () => {
    expect(formatWhen({ ...month, status: 'planned' })).toBe('Planned for September 2025 (day unknown)');
    expect(formatWhen({ ...day, status: 'ongoing' })).toBe('15 October 2025, ongoing');
    expect(formatWhen({ ...day, status: 'happened' })).toBe('15 October 2025');
  });

  it('isUncertainDate() holds for a month, a plan and a date taken from the publication, not for a day in the text', () => {
    expect(isUncertainDate(month)).toBe(true);
    expect(isUncertainDate({ ...day, status: 'planned' })).toBe(true);
    expect(isUncertainDate({ ...day, dateSource: 'published' })).toBe(true);
    expect(isUncertainDate({ ...day, status: 'happened', dateSource: 'sentence' })).toBe(false);
  });
});

describe('confidence in words', () => {
  const reason = "date: 'on Wednesday', future tense, after publication 2023-07-11; place: 'in Vilnius', locative; event: 'meeting' | happened";

  it('reasonInWords() names the phrase each part was read from', () => {
    expect(reasonInWords(reason)).toBe("date from 'on Wednesday'; place from 'in Vilnius'; event from 'meeting'");
  });

  it('reasonInWords() keeps a part without a quoted phrase, without its status', () => {
    expect(reasonInWords("date: publication date 2024-10-21, happened; place: 'in Ukraine' (where it happened)"))
      .toBe("date: publication date 2024-10-21; place from 'in Ukraine'");
  });

  it('confidenceInWords() gives a word, the figure and the reason', () => {
    expect(confidenceInWords(0.85, reason)).toBe("High (85%): date from 'on Wednesday'; place from 'in Vilnius'; event from 'meeting'");
    expect(confidenceInWords(0.6, undefined)).toBe('Moderate (60%)');
    expect(confidenceInWords(0.46, undefined)).toBe('Low (46%)');
  });
});

describe('places and countries by name', () => {
  it('countryName() reads GE as Georgia and DE as Germany, and keeps an unknown code', () => {
    expect(countryName('GE')).toBe('Georgia');
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('XQ')).toBe('XQ');
  });

  it('formatCountries() lists a place\'s countries by name', () => {
    expect(formatCountries({ name: 'Baltics', kind: 'region', country: null, countries: ['EE', 'LV'], gazetteer: 'curated' }))
      .toBe('Estonia, Latvia');
  });

  it('formatPlaceName() says a country-level place is not an exact place', () => {
    expect(formatPlaceName({ name: 'Estonia', kind: 'country' })).toBe('Estonia (country; exact place not stated)');
    expect(formatPlaceName({ name: 'Tapa', kind: 'city' })).toBe('Tapa (city)');
  });
});
