import { describe, expect, test } from 'vitest';
import { CATEGORIES } from '../../../src/model/index.ts';
import { categoryMaskOf, windowStartOf } from '../../../src/app/layers/layer-input.ts';

describe('the large layer\'s inputs from the store', () => {
  test('the window starts at -Infinity in cumulative play, N days before t in window play', () => {
    expect(windowStartOf({ t: 1000, playMode: 'cumulative', playWindowDays: 30 })).toBe(-Infinity);
    expect(windowStartOf({ t: 1000, playMode: 'window', playWindowDays: 30 })).toBe(970);
  });

  test('the category mask has bit k set for each category shown', () => {
    const all = (1 << CATEGORIES.length) - 1;
    expect(categoryMaskOf([])).toBe(all);
    expect(categoryMaskOf(['strike'])).toBe(all & ~(1 << CATEGORIES.indexOf('strike')));
    expect(categoryMaskOf([...CATEGORIES])).toBe(0);
    expect(categoryMaskOf(['not-a-category'])).toBe(all);
  });
});
