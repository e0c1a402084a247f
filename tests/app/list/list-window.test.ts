import { describe, expect, test } from 'vitest';
import { listWindow } from '../../../src/app/list/list-window.ts';

const opts = { maxItems: 3, maxScan: 10 };

describe('the rows the list shows', () => {
  test('without a filter: the latest maxItems started rows, newest first, and how many are earlier', () => {
    expect(listWindow(0, undefined, opts)).toEqual({ rows: [], earlier: 0, filtered: 0 });
    expect(listWindow(2, undefined, opts)).toEqual({ rows: [1, 0], earlier: 0, filtered: 0 });
    expect(listWindow(100, undefined, opts)).toEqual({ rows: [99, 98, 97], earlier: 97, filtered: 0 });
  });

  test('with a filter: scans back from the latest row for matches and stops at maxItems', () => {
    const even = (i: number) => i % 2 === 0;
    expect(listWindow(100, even, opts)).toEqual({ rows: [98, 96, 94], earlier: 94, filtered: 3 });
  });

  test('with a filter: looks at no more than maxScan rows, however many there are', () => {
    let calls = 0;
    const none = () => { calls++; return false; };
    expect(listWindow(1_000_000, none, opts)).toEqual({ rows: [], earlier: 999_990, filtered: 10 });
    expect(calls).toBe(10);
    expect(listWindow(5, none, opts)).toEqual({ rows: [], earlier: 0, filtered: 5 });
  });
});
