import { describe, expect, test } from 'vitest';
import { createStore, STATE_DEFAULTS } from '../../../src/app/state/store.ts';

describe('the store', () => {
  test('createStore() starts from the defaults with the given overrides', () => {
    expect(createStore({ t: 42 }).get()).toEqual({ ...STATE_DEFAULTS, t: 42 });
  });

  test('set() tells listeners the new and previous state, and stays quiet when nothing changed', () => {
    const store = createStore();
    const seen: [number, number][] = [];
    store.subscribe((s, p) => seen.push([s.t, p.t]));
    store.set({ t: 5 });
    store.set({ t: 5 });
    store.set({ t: 7, playing: false });
    expect(seen).toEqual([[5, 0], [7, 5]]);
  });

  test('subscribe() returns a function that stops the notices', () => {
    const store = createStore();
    let calls = 0;
    const stop = store.subscribe(() => { calls++; });
    store.set({ selectedId: 'a' });
    stop();
    store.set({ selectedId: 'b' });
    expect(calls).toBe(1);
  });
});
