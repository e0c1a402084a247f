import { describe, expect, test } from 'vitest';
import { readView, writeView, URL_FIELDS, day, list, set } from '../../../src/app/state/url.ts';
import { STATE_DEFAULTS } from '../../../src/app/state/store.ts';
import { dayOf } from '../../../src/model/day.ts';

const defaults = { ...STATE_DEFAULTS, t: dayOf('2025-12-31') };

describe('writeView / readView', () => {
  test('writeView() then readView() restores every URL field and the camera', () => {
    const state = { ...defaults, t: dayOf('2025-09-15'), playing: true, speedDaysPerSecond: 91, windowDays: 7,
      selectedId: 'incursion-poland-2025-09-10' };
    const fragment = writeView({ state, camera: { center: [24.12345678, 54.5], zoom: 5.256 } }, defaults);
    expect(fragment).toBe('time=2025-09-15&play=1&speed=91&window=7&event=incursion-poland-2025-09-10&map=5.26/54.5/24.12346');
    const view = readView(`#${fragment}`);
    expect(view.state).toEqual({ t: state.t, playing: true, speedDaysPerSecond: 91, windowDays: 7, selectedId: state.selectedId });
    expect(view.camera).toEqual({ center: [24.12346, 54.5], zoom: 5.26 });
  });

  test('the filters, search and play modes of the store round-trip too', () => {
    const state = { ...defaults, playMode: 'window' as const, playWindowDays: 30, loop: true,
      hiddenCategories: ['strike', 'aid'], query: 'drones over Poland', lanes: false };
    const fragment = writeView({ state }, defaults);
    expect(fragment).toBe('mode=window&playwindow=30&loop=1&hide=strike,aid&q=drones+over+Poland&lanes=0');
    expect(readView(fragment).state).toEqual({ playMode: 'window', playWindowDays: 30, loop: true,
      hiddenCategories: ['strike', 'aid'], query: 'drones over Poland', lanes: false });
    expect(readView('mode=backwards').state.playMode).toBeUndefined();
  });

  test('writeView() leaves out fields equal to the defaults', () => {
    expect(writeView({ state: defaults }, defaults)).toBe('');
    expect(writeView({ state: { ...defaults, windowDays: 90 } }, defaults)).toBe('window=90');
  });

  test('writeView() escapes ids that contain URL syntax, and readView() gets them back', () => {
    const id = 'odd id&x=1#frag/ü';
    const fragment = writeView({ state: { ...defaults, selectedId: id } }, defaults);
    expect(fragment).not.toContain('#');
    expect(readView(fragment).state.selectedId).toBe(id);
  });

  test('readView() skips malformed values and keeps the rest', () => {
    const view = readView('time=2025-02-30&play=yes&speed=-3&window=abc&event=a&map=5/200/10&zzz=1');
    expect(view.state).toEqual({ selectedId: 'a' });
    expect(view.camera).toBeUndefined();
    expect(readView('time=15.09.2025').state.t).toBeUndefined();
  });

  test('readView() accepts a bbox instead of a centre, and refuses one inside out', () => {
    expect(readView('bbox=14,49,24.5,55').camera).toEqual({ bbox: [14, 49, 24.5, 55] });
    expect(readView('bbox=24,49,14,55').camera).toBeUndefined();
  });

  test('readView() reads a query string as well as a fragment', () => {
    expect(readView('?time=2024-01-01').state.t).toBe(dayOf('2024-01-01'));
  });

  test('hoveredId never enters the URL', () => {
    expect(URL_FIELDS.map((f) => f.key)).not.toContain('hoveredId');
    expect(writeView({ state: { ...defaults, hoveredId: 'x' } }, defaults)).toBe('');
  });
});

describe('codecs', () => {
  test('day reads only real calendar dates', () => {
    expect(day.read('2024-02-29')).toBe(dayOf('2024-02-29'));
    expect(day.read('2023-02-29')).toBeUndefined();
  });
  test('day skips impossible months and days instead of throwing (issue 12: "Invalid time value")', () => {
    for (const s of ['2025-13-45', '2025-00-10', '2025-01-00', '0000-00-00', '9999-99-99']) expect(day.read(s)).toBeUndefined();
    expect(readView('time=2025-13-45&window=7').state).toEqual({ windowDays: 7 });
  });
  test('positive skips numbers too large to be finite', () => {
    expect(readView(`window=${'9'.repeat(400)}&speed=2`).state).toEqual({ speedDaysPerSecond: 2 });
  });
  test('list and set round-trip words, and an empty value is an empty list', () => {
    expect(list.read(list.write(['strike', 'aid']))).toEqual(['strike', 'aid']);
    expect(list.read('')).toEqual([]);
    expect([...set.read(set.write(new Set(['a', 'b'])))!]).toEqual(['a', 'b']);
  });
});
