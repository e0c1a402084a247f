// When the host tints reach the map: each change repaints the whole basemap, so while the time is dragged they wait
// for it to rest, while playing they follow every step, and after the first picture they are set without a tween.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { datasetOfFeatures } from '../../../src/app/data/features-dataset.ts';
import { connectStates, STATES_MAP_DEFAULTS } from '../../../src/app/posture/states-map.ts';
import { createStore } from '../../../src/app/state/store.ts';
import { dayOf } from '../../../src/model/day.ts';
import { event } from './helpers.ts';

const { table, posture } = datasetOfFeatures([
  event({ id: 'poland', category: 'deployment', start: '2017-04-01', persists: true, until: '2018-01-31', place: { country: 'PL' } }),
  event({ id: 'strike', category: 'strike', start: '2022-02-24', place: { country: 'UA' } }),
]);

/** A loaded map that records the feature state written for PL. */
function fakeMap() {
  const writes: number[] = [];
  const map = {
    isStyleLoaded: () => true,
    getSource: () => undefined,
    getLayer: () => undefined,
    addLayer: () => undefined,
    once: () => undefined,
    setFeatureState: (_: unknown, state: Record<string, number>) => { writes.push(state.deployment); },
  };
  return { map: map as unknown as MapLibreMap, writes };
}

const BEFORE = dayOf('2017-01-01');
const HELD = dayOf('2017-06-01');

beforeEach(() => {
  vi.useFakeTimers();
  // The tween's animation frames, every 16 ms of fake time.
  vi.stubGlobal('requestAnimationFrame', (f: (now: number) => void) => setTimeout(() => f(Date.now()), 16) as unknown as number);
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('host tints on the map', () => {
  test('none before the first picture; then they are set at once, without a tween', () => {
    const { map, writes } = fakeMap();
    const store = createStore({ t: BEFORE });
    const states = connectStates(map, store, table, posture, () => false);
    store.set({ t: HELD });
    vi.advanceTimersByTime(STATES_MAP_DEFAULTS.settleMs + 1000);
    expect(writes).toEqual([]);
    states.start();
    expect(writes).toEqual([1]);
    vi.advanceTimersByTime(STATES_MAP_DEFAULTS.transitionMs + 100);
    expect(writes).toEqual([1]);
  });

  test('while the time is dragged they wait until it rests, then ease in', () => {
    const { map, writes } = fakeMap();
    const store = createStore({ t: BEFORE });
    connectStates(map, store, table, posture, () => false).start();
    // A drag: a step every 50 ms for a second, past the state's start and on.
    for (let k = 0; k < 20; k++) {
      store.set({ t: HELD + k });
      vi.advanceTimersByTime(50);
    }
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(STATES_MAP_DEFAULTS.settleMs + STATES_MAP_DEFAULTS.transitionMs + 100);
    expect(writes.at(-1)).toBe(1);
    expect(writes.some((v) => v > 0 && v < 1)).toBe(true);
  });

  test('a step whose picture is slower than the rest is not taken for a rest (a loaded machine, a million events)', () => {
    // Frames take 500 ms, longer than settleMs; a host page (or a hand) sends the next step as soon as a step is shown.
    vi.stubGlobal('requestAnimationFrame', (f: (now: number) => void) => setTimeout(() => f(Date.now()), 500) as unknown as number);
    const { map, writes } = fakeMap();
    const store = createStore({ t: BEFORE });
    connectStates(map, store, table, posture, () => false).start();
    for (let k = 0; k < 10; k++) {
      store.set({ t: HELD + k });
      vi.advanceTimersByTime(500);
    }
    expect(writes).toEqual([]);
    // Once the last step is shown and nothing follows, the tints come.
    vi.advanceTimersByTime(STATES_MAP_DEFAULTS.settleMs + 5000);
    expect(writes.at(-1)).toBe(1);
  });

  test('while playing they follow every step', () => {
    const { map, writes } = fakeMap();
    const store = createStore({ t: BEFORE });
    connectStates(map, store, table, posture, () => true).start();
    store.set({ t: HELD, playing: true });
    expect(writes).toEqual([1]);
    store.set({ t: dayOf('2018-03-01') });
    expect(writes).toEqual([1, 0]);
  });
});
