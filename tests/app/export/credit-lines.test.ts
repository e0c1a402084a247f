import { describe, expect, test } from 'vitest';
import { creditLines } from '../../../src/app/export/overlay-draw.ts';
import { creditsParts, CREDITS_DEFAULTS } from '../../../src/app/embed/credits.ts';

// Six pixels a character: the shape of a 10 px sans-serif, exact enough to decide what fits.
const measure = (text: string) => text.length * 6;
const doc = (credit: string) => ({ file: 'a.txt', title: 'A', credit, published: null, text: 'x' });

describe('creditLines', () => {
  test('creditLines() keeps short credits on one line', () => {
    const credits = creditsParts([doc('Reuters')]);
    expect(creditLines(credits, 2000, measure)).toEqual([`Sources: Reuters · ${credits.licences}`]);
  });

  test('creditLines() cuts a long source credit and keeps every licence whole, never drawn narrower than it measures', () => {
    const credits = { sources: `Sources: ${'Agence '.repeat(200)}`, licences: creditsParts([]).licences };
    for (const width of [1200, 700, 420, 300, 150]) {
      const lines = creditLines(credits, width, measure);
      for (const line of lines) expect(measure(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
      const all = lines.slice(1).join(' ') || lines[0];
      expect(all).toContain(CREDITS_DEFAULTS.places);
      expect(all).toContain(CREDITS_DEFAULTS.basemap);
      expect(lines[0].startsWith('Sources: Agence')).toBe(true);
      expect(lines[0]).toContain('…');
    }
  });

  test('creditsParts() cuts each source credit to 48 characters', () => {
    const { sources } = creditsParts([doc(`A ${'very '.repeat(50)}long agency`)]);
    expect(sources.length).toBeLessThanOrEqual('Sources: '.length + 48);
    expect(sources.endsWith('…')).toBe(true);
  });
});

describe('sources by name', () => {
  test('creditsParts() names a document without a credit by its title, never "see each event"', () => {
    const { sources } = creditsParts([{ file: 'a.txt', title: 'Drones over Poland', credit: null, published: null, text: 'x' }]);
    expect(sources).toBe('Sources: Drones over Poland');
  });
});
