import { describe, expect, test } from 'vitest';
import { clearArea, isWellInside } from '../../../src/app/keep-in-view.ts';

const map = { left: 0, top: 50, right: 360, bottom: 450 };

describe('the part of the map a selected marker must sit in', () => {
  test('clearArea() takes a bottom sheet off the bottom and a side panel off its side, and ignores a small chip', () => {
    const sheet = { left: 0, top: 300, right: 360, bottom: 450 };
    const chip = { left: 6, top: 56, right: 80, bottom: 80 };
    expect(clearArea(map, [sheet, chip])).toEqual({ left: 0, top: 50, right: 360, bottom: 300 });
    const side = { left: 200, top: 50, right: 360, bottom: 450 };
    expect(clearArea(map, [side])).toEqual({ left: 0, top: 50, right: 200, bottom: 450 });
  });

  test('clearArea() reads a DOMRect-like box whose sides are getters', () => {
    const rect = { get left() { return 0; }, get top() { return 0; }, get right() { return 100; }, get bottom() { return 100; } };
    expect(clearArea(rect, [])).toEqual({ left: 0, top: 0, right: 100, bottom: 100 });
  });

  test('isWellInside() is false near an edge and true in the middle', () => {
    expect(isWellInside(map, 180, 250, 40)).toBe(true);
    expect(isWellInside(map, 180, 430, 40)).toBe(false);
  });
});
