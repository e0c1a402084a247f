import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { EventFeature } from '../../../src/model/index.ts';
import { choiceOf, intervalOf } from '../../../src/app/review/review-dates.ts';
import { needsReview, reviewLine, reviewOrder } from '../../../src/app/review/needs-review.ts';
import { publishedFeatures } from '../../../src/model/event.ts';
import { formatDay } from '../../../src/app/format/date.ts';

const FIXTURE: EventFeature[] = JSON.parse(readFileSync('tests/fixtures/fixture-events.geojson', 'utf8')).features;
const withReview = (f: EventFeature, state: 'accepted' | 'rejected' | 'corrected', confidence = f.properties.confidence): EventFeature =>
  ({ ...f, properties: { ...f.properties, confidence, review: { state, by: 'Ana', at: '2025-10-20T10:00:00.000Z' } } });
const withConfidence = (f: EventFeature, confidence: number): EventFeature => ({ ...f, properties: { ...f.properties, confidence } });

describe('review rules', () => {
  test('intervalOf() turns each precision of the re-date form into the contract\'s interval, and says what is wrong', () => {
    expect(intervalOf('day', '2025-09-10')).toEqual({ start: '2025-09-10', end: '2025-09-10', precision: 'day' });
    expect(intervalOf('month', '2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29', precision: 'month' });
    expect(intervalOf('year', '2017')).toEqual({ start: '2017-01-01', end: '2017-12-31', precision: 'year' });
    expect(intervalOf('range', '2025-10-17', '2025-10-18')).toEqual({ start: '2025-10-17', end: '2025-10-18', precision: 'day' });
    expect(intervalOf('range', '2025-10-18', '2025-10-17')).toBe('The range ends before it starts.');
    expect(intervalOf('day', '2025-02-30')).toBe('Give a day (YYYY-MM-DD).');
    expect(intervalOf('month', '2025-13')).toBe('Give a month (YYYY-MM).');
  });

  test('choiceOf() reads an event\'s dates back into the form, the inverse of intervalOf()', () => {
    for (const [choice, a, b] of [['day', '2025-09-10', ''], ['month', '2025-09', ''], ['year', '2019', ''], ['range', '2025-10-17', '2025-10-18']] as const) {
      const interval = intervalOf(choice, a, b);
      if (typeof interval === 'string') throw new Error(interval);
      expect(choiceOf(interval)).toEqual({ choice, a, b });
    }
  });

  test('reviewOrder() puts unreviewed low-confidence events first, least sure first, reviewed ones last and rejected ones out', () => {
    const [a, b, c, d] = FIXTURE;
    const events = [withReview(a, 'accepted', 0.1), withConfidence(b, 0.45), withReview(c, 'rejected', 0.2), withConfidence(d, 0.3), withConfidence(FIXTURE[4], 0.9)];
    expect(reviewOrder(events).map((f) => f.id)).toEqual([d.id, b.id, FIXTURE[4].id, a.id]);
    expect(events.map((f) => needsReview(f))).toEqual([false, true, false, true, false]);
  });

  test('reviewLine() says who decided what and when, or how sure the pipeline is', () => {
    expect(reviewLine(withConfidence(FIXTURE[0], 0.38), formatDay)).toBe('Needs review: the pipeline is 38% sure of it.');
    expect(reviewLine(withReview(FIXTURE[0], 'corrected'), formatDay)).toBe('Corrected by Ana, 20 October 2025.');
  });

  test('publishedFeatures() leaves out what an analyst rejected, and only that', () => {
    const events = [withReview(FIXTURE[0], 'rejected'), withReview(FIXTURE[1], 'accepted'), FIXTURE[2]];
    expect(publishedFeatures(events).map((f) => f.id)).toEqual([FIXTURE[1].id, FIXTURE[2].id]);
  });
});

describe('workbenchApi', () => {
  const page = (meta: string | null) => ({
    querySelector: (selector: string) => (meta !== null && selector === 'meta[name="flankline-workbench"]' ? { getAttribute: () => meta } : null),
    baseURI: 'http://127.0.0.1:5173/index.html',
  }) as unknown as Document;

  test('workbenchApi() is on only where the workbench server marked the page, and never in an embedded view', async () => {
    const { workbenchApi } = await import('../../../src/app/review/workbench-mode.ts');
    expect(workbenchApi(page('api/'), 'http://127.0.0.1:5173/')?.href).toBe('http://127.0.0.1:5173/api/');
    expect(workbenchApi(page(null), 'http://127.0.0.1:5173/')).toBeNull();
    expect(workbenchApi(page('api/'), 'http://127.0.0.1:5173/index.html?embed=1')).toBeNull();
  });
});
