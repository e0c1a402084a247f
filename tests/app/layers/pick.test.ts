import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeColumnar, encodeColumnar, FLAG_PERSISTS, NO_UNTIL } from '../../src/scale/columnar.ts';
import { prepareScaleEvents } from '../../src/scale/scale-events.ts';
import { mercatorOf, pickEventAt, pickNearest } from '../../src/scale/pick.ts';
import { dayOf } from '../../src/scale/days.ts';
import { synthesize } from '../../src/scale/synth-events.ts';

const events = prepareScaleEvents(decodeColumnar(encodeColumnar(synthesize({ events: 4000, seed: 13 }).columns())));

function bruteNearest(t0: number, t1: number, x: number, y: number, radius: number): number {
  const c = events.columns;
  let best = -1;
  let bestD2 = radius * radius;
  const lastDay = (i: number) => ((c.flags[i] & FLAG_PERSISTS) === 0 ? c.end[i] : c.until[i] === NO_UNTIL ? Infinity : c.until[i]);
  const shown = (i: number) => (c.start[i] >= t0 && c.start[i] <= t1) || (c.start[i] < t0 && lastDay(i) >= t0);
  for (let i = 0; i < c.count; i++) {
    if (!shown(i)) continue;
    const d2 = (events.mercator[2 * i] - x) ** 2 + (events.mercator[2 * i + 1] - y) ** 2;
    if (d2 < bestD2) {
      bestD2 = d2;
      best = i;
    }
  }
  return best;
}

describe('picking', () => {
  it('pickNearest() finds an event as near as a brute-force scan of the shown events', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2600 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 3999 }),
      fc.double({ min: -2e-4, max: 2e-4, noNaN: true }), (t0, width, near, jitter) => {
        const x = events.mercator[2 * near] + jitter;
        const y = events.mercator[2 * near + 1] - jitter;
        const radius = 3e-4;
        const got = pickNearest(events, t0, t0 + width, x, y, radius);
        const want = bruteNearest(t0, t0 + width, x, y, radius);
        expect(got === -1).toBe(want === -1);
        if (want >= 0) {
          const d = (i: number) => (events.mercator[2 * i] - x) ** 2 + (events.mercator[2 * i + 1] - y) ** 2;
          expect(d(got)).toBe(d(want));
        }
      }), { numRuns: 300 });
  });

  it('pickNearest() without activeAtStart ignores persisting states that began before the window', () => {
    const c = events.columns;
    const lane = events.lanes[0];
    const t0 = 1500;
    let k = 0;
    while (k < lane.count && !(lane.start[k] < t0 && lane.lastDay[k] >= t0)) k++;
    expect(k).toBeLessThan(lane.count);
    const i = lane.index[k];
    const [x, y] = [events.mercator[2 * i], events.mercator[2 * i + 1]];
    expect(c.start[i]).toBeLessThan(t0);
    const withHeld = pickNearest(events, t0, t0 + 10, x, y, 1e-9);
    expect(withHeld).toBeGreaterThanOrEqual(0);
    expect(events.mercator[2 * withHeld]).toBe(x);
    const without = pickNearest(events, t0, t0 + 10, x, y, 1e-9, false);
    expect(without === -1 || c.start[without] >= t0).toBe(true);
  });

  it('pickEventAt() picks the event under the cursor at its position and nothing a few pixels too far', () => {
    const c = events.columns;
    // A one-day event, so that a window starting the next day does not show it.
    let i = 1234;
    while (c.end[i] !== c.start[i] || (c.flags[i] & FLAG_PERSISTS) !== 0) i++;
    const day = c.originDay + c.start[i];
    const lon = c.position[2 * i];
    const lat = c.position[2 * i + 1];
    const picked = pickEventAt(events, lon, lat, 6, day - 10, day);
    expect(picked).toBeGreaterThanOrEqual(0);
    expect(events.mercator[2 * picked]).toBeCloseTo(events.mercator[2 * i], 6);
    // Outside the window the event is not shown, so it cannot be picked.
    expect(pickEventAt(events, lon, lat, 12, day + 1, day + 5, 0.5)).not.toBe(i);
    // Far away at high zoom: 1000 px at zoom 12 from the point.
    const far = mercatorOf(lon, lat, new Float64Array(2));
    const farLon = (far[0] + 1000 / (512 * 2 ** 12)) * 360 - 180;
    expect(pickEventAt(events, farLon, lat, 12, dayOf('1990-01-01'), dayOf('2030-01-01'), 6)).not.toBe(i);
  });

  it('pickEventAt() skips events whose category is switched off or that miss the search, as the layer does', () => {
    const i = 2345;
    const c = events.columns;
    const day = c.originDay + c.start[i];
    const [lon, lat] = [c.position[2 * i], c.position[2 * i + 1]];
    const pick = (mask?: number, matches?: Uint8Array | null) => pickEventAt(events, lon, lat, 14, day, day, 2, false, mask, matches);
    expect(pick()).toBe(i);
    expect(pick(~(1 << c.category[i]) & 0x7fffffff)).not.toBe(i);
    const matches = new Uint8Array(c.count).fill(1);
    matches[i] = 0;
    expect(pick(undefined, matches)).not.toBe(i);
    matches[i] = 1;
    expect(pick(undefined, matches)).toBe(i);
  });
});
