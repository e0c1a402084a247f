import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeColumnar, encodeColumnar, eventAt, FLAG_PERSISTS, NO_UNTIL } from '../../src/scale/columnar.ts';
import { FOREVER, prepareScaleEvents, SCALE_EVENTS_DEFAULTS, type ScaleEvents } from '../../src/scale/scale-events.ts';
import { FRAME_LANE_END, FRAME_SLOTS, planFrame } from '../../src/scale/frame-plan.ts';
import { WINDOW_END, WINDOW_FIRST, WINDOW_INNER_END, WINDOW_INNER_FIRST } from '../../src/scale/time-buckets.ts';
import { dayOf } from '../../src/scale/days.ts';
import { synthesize } from '../../src/scale/synth-events.ts';

function prepared(n: number, seed: number, bucketSize: number): ScaleEvents {
  const columns = decodeColumnar(encodeColumnar(synthesize({ events: n, seed, from: '2020-01-01', to: '2021-12-31' }).columns()));
  return prepareScaleEvents(columns, { ...SCALE_EVENTS_DEFAULTS, buckets: { maxBuckets: 1000, minBucketSize: bucketSize } });
}

/** Rows the bucketed layer draws for a plan: whole inner buckets, edge buckets through the GPU filter, lane buckets filtered. */
function drawnRows(e: ScaleEvents, plan: Int32Array, t0: number, t1: number): number[] {
  const rows: number[] = [];
  const { bounds } = e.buckets;
  for (let k = plan[WINDOW_FIRST]; k < plan[WINDOW_END]; k++) {
    const inner = k >= plan[WINDOW_INNER_FIRST] && k < plan[WINDOW_INNER_END];
    for (let i = bounds[k]; i < bounds[k + 1]; i++) {
      if (inner || (e.startValue[i] >= t0 - 0.5 && e.startValue[i] <= t1 + 0.5)) rows.push(i);
    }
  }
  const lane = e.persisting;
  for (let k = 0; k < plan[FRAME_LANE_END]; k++) {
    for (let j = lane.buckets.bounds[k]; j < lane.buckets.bounds[k + 1]; j++) {
      if (lane.filterValue[2 * j] <= t0 - 0.5 && lane.filterValue[2 * j + 1] >= t0 - 0.5) rows.push(lane.index[j]);
    }
  }
  return rows;
}

describe('frame plan', () => {
  it('planFrame() draws exactly the events that started in the window and the states that held at its start, each once', () => {
    const e = prepared(3000, 21, 64);
    const plan = new Int32Array(FRAME_SLOTS);
    const days = { t0: 0, t1: 0 };
    const origin = e.columns.originDay;
    const first = dayOf('2019-12-01');
    fc.assert(fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 400 }), (a, width) => {
      planFrame(e, first + a, first + a + width, plan, days);
      const drawn = drawnRows(e, plan, days.t0, days.t1);
      expect(new Set(drawn).size).toBe(drawn.length);
      const expected: number[] = [];
      for (let i = 0; i < e.columns.count; i++) {
        const s = e.columns.start[i];
        const persists = (e.columns.flags[i] & FLAG_PERSISTS) !== 0;
        const until = e.columns.until[i];
        const heldAtStart = persists && s < days.t0 && (until === NO_UNTIL || until >= days.t0);
        if ((s >= days.t0 && s <= days.t1) || heldAtStart) expected.push(i);
      }
      expect(drawn.sort((x, y) => x - y)).toEqual(expected);
      expect(days.t1).toBe(first + a + width - origin);
    }), { numRuns: 200 });
  });

  it('planFrame() with no window start draws everything started by the cursor and no persisting lane', () => {
    const e = prepared(2000, 4, 100);
    const plan = new Int32Array(FRAME_SLOTS);
    const days = { t0: 0, t1: 0 };
    const t = dayOf('2021-03-15');
    planFrame(e, -Infinity, t, plan, days);
    expect(days.t0).toBe(-FOREVER);
    expect(plan[FRAME_LANE_END]).toBe(0);
    const drawn = drawnRows(e, plan, days.t0, days.t1);
    const started = [...e.columns.start].filter((s) => s <= t - e.columns.originDay).length;
    expect(drawn.length).toBe(started);
  });

  it('prepareScaleEvents() sets full strength until end + 30 days, or until `until` for a persisting state', () => {
    const e = prepared(1500, 2, 256);
    for (let i = 0; i < e.columns.count; i++) {
      const r = eventAt(e.columns, i);
      const origin = e.columns.originDay;
      const expected = !r.persists ? dayOf(r.end) - origin + 30 : r.until === null ? FOREVER : dayOf(r.until) - origin;
      expect(e.freshUntil[i]).toBe(Math.fround(expected));
    }
  });
});
