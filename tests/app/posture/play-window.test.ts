import { describe, expect, test } from 'vitest';
import { inPlayWindow, nextTime, playAdvance, windowFloor } from '../../../src/app/posture/play-window.ts';

describe('play modes', () => {
  test('inPlayWindow() cumulative shows everything started by t', () => {
    expect(inPlayWindow('cumulative', 1000, 30, 0, 0)).toBe(true);
    expect(inPlayWindow('cumulative', 1000, 30, 1001, 1001)).toBe(false);
  });

  test('inPlayWindow() window shows only events active in the last N days, and states still held', () => {
    expect(inPlayWindow('window', 1000, 30, 960, 969)).toBe(false);
    expect(inPlayWindow('window', 1000, 30, 960, 970)).toBe(true);
    expect(inPlayWindow('window', 1000, 30, 100, Infinity)).toBe(true);
    expect(windowFloor('window', 1000, 30)).toBe(970);
  });

  test('playAdvance() moves every frame, or in whole steps under reduced motion', () => {
    expect(playAdvance(30, 0.5, false)).toBe(15);
    expect(playAdvance(30, 0.5, true)).toBe(0);
    expect(playAdvance(30, 1.2, true)).toBe(30);
  });

  test('nextTime() stops at the end, or wraps to the start when looping', () => {
    expect(nextTime(90, 5, [0, 100], false)).toEqual({ t: 95, ended: false });
    expect(nextTime(98, 5, [0, 100], false)).toEqual({ t: 100, ended: true });
    expect(nextTime(98, 5, [0, 100], true)).toEqual({ t: 3, ended: false });
  });
});
