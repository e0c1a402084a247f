import { describe, expect, test } from 'vitest';
import { bestSourcesFirst } from '../../../src/app/panel/best-source.ts';
import type { Highlight, Source } from '../../../src/model/index.ts';

const source = (doc: string, kinds: Highlight['kind'][]): Source => ({
  doc, title: doc, published: null, excerpt: 'x'.repeat(20), start: 0, end: 20,
  highlights: kinds.map((kind, k) => ({ start: k, end: k + 1, kind })),
});

describe('the best supporting sentence first', () => {
  test('bestSourcesFirst() puts the excerpt naming what, where and when before one naming only where', () => {
    const sources = [source('a', ['place']), source('b', ['trigger', 'place', 'date']), source('c', ['place', 'place'])];
    expect(bestSourcesFirst(sources).map((s) => s.doc)).toEqual(['b', 'a', 'c']);
  });
});
