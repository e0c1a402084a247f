// The row above the scrubber: Play/Pause, the speed, the current date written out, and the status line.
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import { countStartedBy } from '../state/visible.ts';
import { isoOf } from '../time/day.ts';
import { formatDay } from '../format/date.ts';

export const SPEEDS: { label: string; daysPerSecond: number }[] = [
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

export function statusText(count: number, t: number): string {
  return `${count} ${count === 1 ? 'event' : 'events'} up to ${formatDay(isoOf(t))}`;
}

export function createControls(container: HTMLElement, store: Store, table: EventsTable): void {
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
  container.append(play, speedLabel, date, status, windowLabel);

  play.addEventListener('click', () => store.set({ playing: !store.get().playing }));
  speed.addEventListener('change', () => store.set({ speedDaysPerSecond: Number(speed.value) }));
  windowSelect.addEventListener('change', () => store.set({ windowDays: Number(windowSelect.value) }));

  const render = () => {
    const s = store.get();
    play.textContent = s.playing ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', String(s.playing));
    speed.value = String(s.speedDaysPerSecond);
    windowSelect.value = String(s.windowDays);
    date.textContent = formatDay(isoOf(s.t));
    status.textContent = statusText(countStartedBy(table.start, s.t), s.t);
  };
  store.subscribe((s, p) => { if (s.t !== p.t || s.playing !== p.playing || s.speedDaysPerSecond !== p.speedDaysPerSecond || s.windowDays !== p.windowDays) render(); });
  render();
}
