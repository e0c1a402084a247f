// The row above the scrubber: Play/Pause, the speed, the play mode (cumulative or the last N days), loop, the current
// date written out, the status line, the fade window, the search and the lanes switch.
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import { countShownAt } from '../state/shown-count.ts';
import { isoOf } from '../../model/day.ts';
import { formatDay } from '../format/date.ts';
import { eventDays, nextEventDay, previousEventDay } from './play-plan.ts';

export const SPEEDS: { label: string; daysPerSecond: number }[] = [
  // The default: the whole span in about 20 s, empty stretches skipped, a hold on each event (timeline/play-plan.ts).
  { label: 'Fit (20 s)', daysPerSecond: 0 },
  { label: '1 day / s', daysPerSecond: 1 },
  { label: '1 week / s', daysPerSecond: 7 },
  { label: '1 month / s', daysPerSecond: 30 },
  { label: '3 months / s', daysPerSecond: 91 },
  { label: '1 year / s', daysPerSecond: 365 },
];

/** How long after its end an event stays at full strength before it fades. */
export const WINDOWS: { label: string; days: number }[] = [
  { label: 'a week', days: 7 },
  { label: '30 days', days: 30 },
  { label: '90 days', days: 90 },
  { label: 'a year', days: 365 },
];

/** Play modes: what is on the map while time runs. */
export const PLAY_MODES: { label: string; mode: 'cumulative' | 'window'; days: number }[] = [
  { label: 'Everything so far', mode: 'cumulative', days: 90 },
  { label: 'Last 30 days', mode: 'window', days: 30 },
  { label: 'Last 90 days', mode: 'window', days: 90 },
  { label: 'Last year', mode: 'window', days: 365 },
];

const playModeValue = (mode: string, days: number) => (mode === 'window' ? `window-${days}` : 'cumulative');

/** The status line: events on the map at t; in the moving-window play mode, those active in its last `windowDays`. */
export function statusText(count: number, t: number, grouped = false, windowDays: number | null = null): string {
  const events = `${grouped ? count.toLocaleString('en-GB') : count} ${count === 1 ? 'event' : 'events'}`;
  return windowDays === null ? `${events} up to ${formatDay(isoOf(t))}`
    : `${events} in the ${windowDays} days to ${formatDay(isoOf(t))}`;
}

export const CONTROLS_DEFAULTS = {
  /**
   * Wait this long after the last keystroke before searching: a search is a pass over every row (and on the first
   * one the excerpts are fetched), so a word typed letter by letter is searched once.
   */
  searchDelayMs: 150,
  searchPlaceholder: 'Search events',
  searchLabel: 'Search events by title, place or excerpt',
  /** Counts in the status line with thousands separators. */
  groupedCounts: true,
  /** Keys that step the time to the previous and next day with events (as a video player steps frames). */
  previousKeys: [',', '['],
  nextKeys: ['.', ']'],
};

/** `filters` (below the scrubber, after it in Tab order) takes the search box and the lanes switch. */
export function createControls(container: HTMLElement, store: Store, table: EventsTable, filters: HTMLElement = container,
  opts = CONTROLS_DEFAULTS): void {
  container.classList.add('timeline-controls');
  const play = document.createElement('button');
  play.type = 'button';
  play.className = 'play';
  const speedLabel = document.createElement('label');
  speedLabel.className = 'speed';
  const speed = document.createElement('select');
  speed.setAttribute('aria-label', 'Playback speed');
  for (const s of SPEEDS) speed.append(new Option(s.label, String(s.daysPerSecond)));
  speedLabel.append(speed);
  const windowLabel = document.createElement('label');
  windowLabel.className = 'window';
  windowLabel.append(document.createTextNode('Fade after '));
  const windowSelect = document.createElement('select');
  for (const w of WINDOWS) windowSelect.append(new Option(w.label, String(w.days)));
  if (!WINDOWS.some((w) => w.days === store.get().windowDays)) {
    windowSelect.append(new Option(`${store.get().windowDays} days`, String(store.get().windowDays)));
  }
  windowLabel.append(windowSelect);
  const date = document.createElement('output');
  date.className = 'current-date';
  const status = document.createElement('p');
  status.className = 'status';
  status.setAttribute('role', 'status');
  const modeLabel = document.createElement('label');
  modeLabel.className = 'play-mode';
  const mode = document.createElement('select');
  mode.setAttribute('aria-label', 'Play mode');
  for (const m of PLAY_MODES) mode.append(new Option(m.label, playModeValue(m.mode, m.days)));
  modeLabel.append(mode);
  const loopLabel = document.createElement('label');
  loopLabel.className = 'loop';
  const loop = document.createElement('input');
  loop.type = 'checkbox';
  loopLabel.append(loop, document.createTextNode(' Loop'));
  const search = document.createElement('input');
  search.type = 'search';
  search.className = 'search';
  search.placeholder = opts.searchPlaceholder;
  search.setAttribute('aria-label', opts.searchLabel);
  if (opts.searchLabel !== CONTROLS_DEFAULTS.searchLabel) search.title = opts.searchLabel;
  const lanes = document.createElement('button');
  lanes.type = 'button';
  lanes.className = 'lanes-toggle';
  lanes.textContent = 'Lanes';
  lanes.title = 'One lane per category in the timeline strip';
  const days = eventDays(table.start);
  const stepButton = (text: string, label: string, key: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'step-event';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.title = `${label} (key ${key})`;
    return b;
  };
  const previous = stepButton('‹', 'Previous event', opts.previousKeys[0]);
  const next = stepButton('›', 'Next event', opts.nextKeys[0]);
  const step = (to: number | null) => { if (to !== null) store.set({ t: to, playing: false }); };
  previous.addEventListener('click', () => step(previousEventDay(days, store.get().t)));
  next.addEventListener('click', () => step(nextEventDay(days, store.get().t)));
  // On the page (or inside the component's shadow root), not in a text field or a menu.
  container.getRootNode().addEventListener('keydown', (e) => {
    const key = e as KeyboardEvent;
    const target = key.target as HTMLElement | null;
    if (!container.isConnected || key.ctrlKey || key.metaKey || key.altKey) return;
    if (target && (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable)) return;
    if (opts.previousKeys.includes(key.key)) step(previousEventDay(days, store.get().t));
    else if (opts.nextKeys.includes(key.key)) step(nextEventDay(days, store.get().t));
    else return;
    key.preventDefault();
  });
  container.append(play, previous, next, speedLabel, modeLabel, loopLabel, date, status, windowLabel);
  filters.classList.add('timeline-filters');
  filters.append(search, lanes);

  play.addEventListener('click', () => store.set({ playing: !store.get().playing }));
  speed.addEventListener('change', () => store.set({ speedDaysPerSecond: Number(speed.value) }));
  windowSelect.addEventListener('change', () => store.set({ windowDays: Number(windowSelect.value) }));
  mode.addEventListener('change', () => {
    const m = PLAY_MODES.find((p) => playModeValue(p.mode, p.days) === mode.value)!;
    store.set(m.mode === 'window' ? { playMode: 'window', playWindowDays: m.days } : { playMode: 'cumulative' });
  });
  loop.addEventListener('change', () => store.set({ loop: loop.checked }));
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    if (opts.searchDelayMs <= 0) store.set({ query: search.value });
    else searchTimer = setTimeout(() => { searchTimer = undefined; store.set({ query: search.value }); }, opts.searchDelayMs);
  });
  lanes.addEventListener('click', () => store.set({ lanes: !store.get().lanes }));

  const render = () => {
    const s = store.get();
    play.textContent = s.playing ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', String(s.playing));
    previous.disabled = previousEventDay(days, s.t) === null;
    next.disabled = nextEventDay(days, s.t) === null;
    speed.value = String(s.speedDaysPerSecond);
    windowSelect.value = String(s.windowDays);
    const modeValue = playModeValue(s.playMode, s.playWindowDays);
    if (![...mode.options].some((o) => o.value === modeValue)) mode.append(new Option(`Last ${s.playWindowDays} days`, modeValue));
    mode.value = modeValue;
    loop.checked = s.loop;
    // Not while a typed query waits for its delay: the store still holds the previous one.
    if (search.value !== s.query && searchTimer === undefined) search.value = s.query;
    lanes.setAttribute('aria-pressed', String(s.lanes));
    date.textContent = formatDay(isoOf(s.t));
    status.textContent = statusText(countShownAt(table, s.t, s.playMode, s.playWindowDays), s.t, opts.groupedCounts,
      s.playMode === 'window' ? s.playWindowDays : null);
  };
  store.subscribe((s, p) => {
    if (s.t !== p.t || s.playing !== p.playing || s.speedDaysPerSecond !== p.speedDaysPerSecond || s.windowDays !== p.windowDays
      || s.playMode !== p.playMode || s.playWindowDays !== p.playWindowDays || s.loop !== p.loop || s.query !== p.query || s.lanes !== p.lanes) render();
  });
  render();
}
