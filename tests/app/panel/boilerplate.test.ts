import { describe, expect, test } from 'vitest';
import { foldedRuns } from '../../../src/app/panel/boilerplate.ts';

const folded = (text: string, keep: [number, number] = [0, 0]) => foldedRuns(text, keep[0], keep[1]).map(([s, e]) => text.slice(s, e));

describe('page furniture in a scraped document', () => {
  test('foldedRuns() folds a cookie banner in Norwegian, a menu and "Top of page", not the article', () => {
    const text = 'Vi bruker informasjonskapsler for å forbedre tjenesten. Godta alle\n\nHome\nWorld\nPolitics\n\n'
      + 'NATO launches Eastern Sentry\n\nNATO launched Eastern Sentry on 12 September 2025 to reinforce the eastern flank.\n\n'
      + 'Top of page\nMore News\n';
    expect(folded(text)).toEqual([
      'Vi bruker informasjonskapsler for å forbedre tjenesten. Godta alle',
      'Home\nWorld\nPolitics',
      'Top of page\nMore News',
    ]);
  });

  test('foldedRuns() keeps a lone headline and long prose that mentions a newsletter', () => {
    const prose = 'The ministers, who met in Brussels on Wednesday, said the newsletter of the alliance would report on the '
      + 'exercise in detail, and that troops from eight countries would take part in it over the coming weeks and months.';
    expect(folded(`Allied troops hold exercise\n\n${prose}\n`)).toEqual([]);
  });

  test('foldedRuns() never folds the lines that hold the excerpt', () => {
    const text = 'Share this\nSubscribe\n';
    expect(folded(text, [0, 5])).toEqual([]);
  });
});
