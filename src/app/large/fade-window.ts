// events.bin's markers carry their fresh-until day, computed once in the worker with a fixed fade window
// (SCALE_EVENTS_DEFAULTS.fadeDays), so the reader's "Fade after" cannot change them. In large mode the store keeps
// that window whatever a link asks for, so the list's faded items and the map's faded markers agree.
import { SCALE_EVENTS_DEFAULTS } from '../../scale/scale-events.ts';
import type { Store } from '../state/store.ts';

export function pinFadeWindow(store: Store, days = SCALE_EVENTS_DEFAULTS.fadeDays): void {
  const pin = () => { if (store.get().windowDays !== days) store.set({ windowDays: days }); };
  pin();
  store.subscribe(pin);
}
