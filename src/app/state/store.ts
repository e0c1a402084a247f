// The app's one small store: every piece of view state a URL or an embedding host may later want to set or read.
export interface AppState {
  /** The scrubber's time: a UTC day number; events with start <= t are shown. */
  t: number;
  /** Events that ended within this many days before t are drawn at full strength, older ones faded. */
  windowDays: number;
  playing: boolean;
  /** Playback speed in days of data per second of viewing; 0 is "Fit": the data's span in about 20 s (player.ts). */
  speedDaysPerSecond: number;
  selectedId: string | null;
  hoveredId: string | null;
  /** Play mode: everything up to t, or only what was active in the last `playWindowDays`. */
  playMode: 'cumulative' | 'window';
  playWindowDays: number;
  /** Start again from the beginning at the end. */
  loop: boolean;
  /** Categories the reader switched off in the legend. */
  hiddenCategories: readonly string[];
  /** Text search over titles and excerpts ('' shows all). */
  query: string;
  /** The timeline strip split into one lane per category. */
  lanes: boolean;
}

export const STATE_DEFAULTS: AppState = {
  t: 0,
  windowDays: 30,
  playing: false,
  speedDaysPerSecond: 0,
  selectedId: null,
  hoveredId: null,
  playMode: 'cumulative',
  playWindowDays: 90,
  loop: false,
  hiddenCategories: [],
  query: '',
  lanes: true,
};

export type Listener = (state: AppState, previous: AppState) => void;

export interface Store {
  get(): AppState;
  set(patch: Partial<AppState>): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: Partial<AppState> = {}): Store {
  let state: AppState = { ...STATE_DEFAULTS, ...initial };
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch) {
      const previous = state;
      let changed = false;
      for (const key of Object.keys(patch) as (keyof AppState)[]) if (patch[key] !== state[key]) changed = true;
      if (!changed) return;
      state = { ...state, ...patch };
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
