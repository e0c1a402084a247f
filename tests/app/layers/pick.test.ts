import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { worldOf } from '../../../src/util/mercator.ts';
import { decodeColumnar, encodeColumnar, FLAG_PERSISTS, NO_UNTIL } from '../../../src/model/columnar.ts';
import { prepareEvents } from '../../../src/app/data/prepared-events.ts';
import { forEachShown, pickEventAt, SHOW_ALL, type MarkerSize } from '../../../src/app/layers/pick.ts';
import { dayOf } from '../../../src/model/day.ts';
import { synthesize } from '../../../scripts/synth-events.ts';

const events = prepareEvents(decodeColumnar(encodeColumnar(synthesize({ events: 4000, seed: 13 }).columns())));
const c = events.columns;
/** 3 px markers, a fourth larger per further source: as a large dataset draws them. */
const SIZE: MarkerSize = { radiusPixels: 3, radiusPerSource: 0.8, maxRadiusPixels: 5, offsetScale: 0.4 };
const lastDay = (i: number) => ((c.flags[i] & FLAG_PERSISTS) === 0 ? c.end[i] : c.until[i] === NO_UNTIL ? Infinity : c.until[i]);
const window = (t0: number, t1: number) => ({ ...SHOW_ALL, windowStart: c.originDay + t0, time: c.originDay + t1 });

/** The screen pixel (x right, y down, at `zoom`) of row i, co-location offset included, relative to (lon, lat). */
function pixelOf(i: number, lon: number, lat: number, zoom: number): [number, number] {
  const [cx, cy] = worldOf(lon, lat, [0, 0]);
  const [x, y] = worldOf(c.position[2 * i], c.position[2 * i + 1], [0, 0]);
  const s = 2 ** zoom;
  return [(x - cx) * s + events.offsets[2 * i] * SIZE.offsetScale, (cy - y) * s + events.offsets[2 * i + 1] * SIZE.offsetScale];
}

/** `slack` px widens (or, negative, narrows) each marker's reach: a cursor exactly on the edge is picked or not by rounding. */
function bruteNearest(t0: number, t1: number, lon: number, lat: number, zoom: number, slack = 0): number {
  let best = -1;
  let bestD2 = Infinity;
  for (let i = 0; i < c.count; i++) {
    const shown = (c.start[i] >= t0 && c.start[i] <= t1) || (c.start[i] < t0 && lastDay(i) >= t0);
    if (!shown) continue;
    const [dx, dy] = pixelOf(i, lon, lat, zoom);
    const reach = Math.min(SIZE.maxRadiusPixels, SIZE.radiusPixels + SIZE.radiusPerSource * (c.sourceCount[i] - 1)) + 3 + slack;
    const d2 = dx * dx + dy * dy;
    if (d2 <= reach * reach && d2 < bestD2) {
      bestD2 = d2;
      best = i;
    }
  }
  return best;
}

describe('picking', () => {
  it('forEachShown() visits exactly the rows that started in the window or were still active at its start, each once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2600 }), fc.integer({ min: 0, max: 400 }), (t0, width) => {
        const seen: number[] = [];
        forEachShown(events, window(t0, t0 + width), (row) => seen.push(row));
        const want: number[] = [];
        for (let i = 0; i < c.count; i++)
          if ((c.start[i] >= t0 && c.start[i] <= t0 + width) || (c.start[i] < t0 && lastDay(i) >= t0)) want.push(i);
        expect([...seen].sort((a, b) => a - b)).toEqual(want);
      }),
      { numRuns: 100 },
    );
  });

  it('pickEventAt() finds a marker as near as a brute-force scan of the shown markers, in pixels', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2600 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 3999 }),
        fc.double({ min: -3e-3, max: 3e-3, noNaN: true }),
        (t0, width, near, jitter) => {
          const lon = c.position[2 * near] + jitter;
          const lat = c.position[2 * near + 1] - jitter;
          const zoom = 9;
          const got = pickEventAt(events, lon, lat, zoom, window(t0, t0 + width), SIZE);
          // The app keeps world coordinates as Float32 (about 0.02 px at zoom 9): on the edge of a reach either answer is right.
          const want = bruteNearest(t0, t0 + width, lon, lat, zoom, -0.05);
          const loose = bruteNearest(t0, t0 + width, lon, lat, zoom, 0.05);
          if (got === -1) expect(want).toBe(-1);
          else expect(loose).not.toBe(-1);
          if (want >= 0) {
            const d = (i: number) => Math.hypot(...pixelOf(i, lon, lat, zoom));
            expect(d(got)).toBeCloseTo(d(want), 6);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('pickEventAt() without activeAtStart ignores persisting states that began before the window', () => {
    const lane = events.lanes[0];
    const t0 = 1500;
    let k = 0;
    while (k < lane.count && !(lane.start[k] < t0 && lane.lastDay[k] >= t0 && events.offsets[2 * lane.index[k]] === 0)) k++;
    expect(k).toBeLessThan(lane.count);
    const i = lane.index[k];
    const [lon, lat] = [c.position[2 * i], c.position[2 * i + 1]];
    const withHeld = pickEventAt(events, lon, lat, 16, window(t0, t0 + 10), SIZE);
    expect(withHeld).toBeGreaterThanOrEqual(0);
    expect(c.start[withHeld]).toBeLessThan(t0);
    const without = pickEventAt(events, lon, lat, 16, { ...window(t0, t0 + 10), activeAtStart: false }, SIZE);
    expect(without === -1 || c.start[without] >= t0).toBe(true);
  });

  it('pickEventAt() picks the event under the cursor and nothing a few pixels too far', () => {
    // A one-day event alone at its spot, so that a window starting the next day does not show it.
    let i = 1234;
    while (c.end[i] !== c.start[i] || (c.flags[i] & FLAG_PERSISTS) !== 0 || events.offsets[2 * i] !== 0 || events.offsets[2 * i + 1] !== 0)
      i++;
    const day = c.originDay + c.start[i];
    const lon = c.position[2 * i];
    const lat = c.position[2 * i + 1];
    const at = (windowStart: number, time: number) => ({ ...SHOW_ALL, windowStart, time });
    expect(pickEventAt(events, lon, lat, 16, at(day - 10, day), SIZE)).toBe(i);
    // Outside the window the event is not shown, so it cannot be picked.
    expect(pickEventAt(events, lon, lat, 16, at(day + 1, day + 5), SIZE)).not.toBe(i);
    // 50 px east at zoom 16, far beyond its radius and the slack.
    const [x, y] = worldOf(lon, lat, [0, 0]);
    const farLon = ((x + 50 / 2 ** 16) / 512) * 360 - 180;
    expect(y).toBeGreaterThan(0);
    expect(pickEventAt(events, farLon, lat, 16, at(dayOf('1990-01-01'), dayOf('2030-01-01')), SIZE)).not.toBe(i);
  });

  it('pickEventAt() skips events whose category is switched off or that miss the search, as the layer does', () => {
    let i = 2345;
    while (events.offsets[2 * i] !== 0 || events.offsets[2 * i + 1] !== 0) i++;
    const day = c.originDay + c.start[i];
    const [lon, lat] = [c.position[2 * i], c.position[2 * i + 1]];
    const pick = (categoryMask = SHOW_ALL.categoryMask, matches: Uint8Array | null = null) =>
      pickEventAt(events, lon, lat, 18, { windowStart: day, time: day, activeAtStart: false, categoryMask, matches }, SIZE);
    expect(pick()).toBe(i);
    expect(pick(~(1 << c.category[i]) & 0x7fffffff)).not.toBe(i);
    const matches = new Uint8Array(c.count).fill(1);
    matches[i] = 0;
    expect(pick(undefined, matches)).not.toBe(i);
    matches[i] = 1;
    expect(pick(undefined, matches)).toBe(i);
  });
});
