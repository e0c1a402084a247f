import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../src/pipeline/places/normalise.ts';

describe('normaliseName', () => {
  it('normaliseName() folds diacritics and letters NFKD keeps whole, so spellings with and without them meet', () => {
    expect(normaliseName('Ādaži')).toBe('adazi');
    expect(normaliseName('Łódź')).toBe('lodz');
    expect(normaliseName('Tromsø')).toBe('tromso');
  });

  it('normaliseName() drops full stops and treats hyphens as spaces ("U.S." is "US", "Guinea-Bissau")', () => {
    expect(normaliseName('U.S.')).toBe(normaliseName('US'));
    expect(normaliseName('St. Louis')).toBe('st louis');
    expect(normaliseName('Indo-Pacific')).toBe(normaliseName('Indo Pacific'));
  });

  it('normaliseName() writes every apostrophe the same way', () => {
    expect(normaliseName('Côte d’Ivoire')).toBe(normaliseName("Cote d'Ivoire"));
  });
});
