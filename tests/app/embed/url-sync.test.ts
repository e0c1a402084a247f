// Back and forward step through the views a reader stopped at: a drag of the time writes one history entry,
// however slowly each of its frames is drawn.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { syncUrl, URL_SYNC_DEFAULTS } from '../../../src/app/embed/url-sync.ts';
import { createStore, STATE_DEFAULTS } from '../../../src/app/state/store.ts';
import { dayOf } from '../../../src/model/day.ts';

/** A browser's location and history, recording each pushed entry. */
function fakeBrowser(visibilityState: 'visible' | 'hidden' = 'visible') {
  const pushed: string[] = [];
  const location = { pathname: '/', search: '', hash: '' };
  const setUrl = (url: string) => { location.hash = url.includes('#') ? url.slice(url.indexOf('#')) : ''; };
  const history = {
    state: null,
    pushState: (_: unknown, __: string, url: string) => { pushed.push(url); setUrl(url); },
    replaceState: (_: unknown, __: string, url: string) => setUrl(url),
  };
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', history);
  vi.stubGlobal('window', { setTimeout, addEventListener: () => undefined });
  vi.stubGlobal('document', { visibilityState });
  return { pushed };
}

/** Frames that take `ms` each to be shown. */
const framesOf = (ms: number) => {
  vi.stubGlobal('requestAnimationFrame', (f: (now: number) => void) => setTimeout(() => f(Date.now()), ms) as unknown as number);
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('syncUrl', () => {
  const start = dayOf('2025-01-01');

  /** A store whose view the URL follows, at `start`. */
  function synced() {
    const store = createStore({ t: start });
    syncUrl(store, null, { ...STATE_DEFAULTS, t: start });
    return store;
  }

  /** One move, a rest longer than settleMs, and another move. */
  function moveRestMove(store: ReturnType<typeof createStore>) {
    store.set({ t: start + 1 });
    vi.advanceTimersByTime(URL_SYNC_DEFAULTS.settleMs + 100);
    store.set({ t: start + 2 });
  }

  test('a drag whose frames are slower than the rest makes one history entry, not one a frame', () => {
    const { pushed } = fakeBrowser();
    framesOf(URL_SYNC_DEFAULTS.settleMs + 300);
    const store = synced();
    // each step is sent once the last one is shown, as a hand or a host page does when frames are slow
    for (let k = 1; k <= 10; k++) {
      store.set({ t: start + k });
      vi.advanceTimersByTime(URL_SYNC_DEFAULTS.settleMs + 300);
    }
    expect(pushed).toHaveLength(1);
    // once the drag rests, the next one starts an entry of its own
    vi.advanceTimersByTime(5_000);
    store.set({ t: start + 40 });
    expect(pushed).toHaveLength(2);
  });

  test('a view that has rested after its frame is kept: the next move is a new entry', () => {
    const { pushed } = fakeBrowser();
    framesOf(16);
    moveRestMove(synced());
    expect(pushed).toHaveLength(2);
  });

  test('a hidden page, which draws no frames, still rests after settleMs', () => {
    const { pushed } = fakeBrowser('hidden');
    vi.stubGlobal('requestAnimationFrame', () => 1); // a frame that never comes
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    moveRestMove(synced());
    expect(pushed).toHaveLength(2);
  });
});
