import { describe, expect, test } from 'vitest';
import { segments } from '../../../src/app/panel/excerpt.ts';

describe('excerpt highlighting', () => {
  // "Missiles struck Kyiv on 24 February." at document offset 100
  const text = 'Missiles struck Kyiv on 24 February.';
  const at = (s: string) => 100 + text.indexOf(s);

  test('segments() splits the excerpt into plain runs and marked runs, in order, losing no text', () => {
    const runs = segments(text, 100, [
      { start: at('24 February'), end: at('24 February') + 11, kind: 'date' },
      { start: at('Kyiv'), end: at('Kyiv') + 4, kind: 'place' },
    ]);
    expect(runs).toEqual([
      { text: 'Missiles struck ', kind: null }, { text: 'Kyiv', kind: 'place' }, { text: ' on ', kind: null },
      { text: '24 February', kind: 'date' }, { text: '.', kind: null },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });

  test('segments() keeps the earlier of two overlapping highlights and clips those outside the excerpt', () => {
    const runs = segments(text, 100, [
      { start: at('struck'), end: at('Kyiv') + 4, kind: 'trigger' },
      { start: at('Kyiv'), end: at('Kyiv') + 4, kind: 'place' },
      { start: 90, end: 102, kind: 'date' },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.kind)).toEqual([{ text: 'Mi', kind: 'date' }, { text: 'struck Kyiv', kind: 'trigger' }]);
  });

  test('segments() returns the whole excerpt as one plain run when nothing is highlighted', () => {
    expect(segments(text, 0, [])).toEqual([{ text, kind: null }]);
  });
});
