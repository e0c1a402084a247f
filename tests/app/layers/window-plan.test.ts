import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeColumnar, encodeColumnar, eventAt, FLAG_PERSISTS, NO_UNTIL } from '../../../src/model/columnar.ts';
import { FOREVER, prepareEvents, SHORT_SPAN_DAYS, type PreparedEvents } from '../../../src/app/data/prepared-events.ts';
import { PLAN_END_ROW, PLAN_FIRST_ROW, PLAN_LANES, PLAN_SLOTS, planWindow } from '../../../src/app/layers/window-plan.ts';
import { dayOf } from '../../../src/model/day.ts';
import { synthesize } from '../../../scripts/synth-events.ts';

function prepared(n: number, seed: number): PreparedEvents {
  return prepareEvents(decodeColumnar(encodeColumnar(synthesize({ events: n, seed, from: '2020-01-01', to: '2021-12-31' }).columns())));
}

/** Rows the window layer draws for a plan: the main run whole, each lane's candidates still active at t0. */
function drawnRows(e: PreparedEvents, plan: Int32Array, t0: number): number[] {
  const rows: number[] = [];
  for (let i = plan[PLAN_FIRST_ROW]; i < plan[PLAN_END_ROW]; i++) rows.push(i);
  e.lanes.forEach((lane, l) => {
    for (let k = plan[PLAN_LANES + 2 * l]; k < plan[PLAN_LANES + 2 * l + 1]; k++) if (lane.lastDay[k] >= t0 - 0.5) rows.push(lane.index[k]);
  });
  return rows;
}

describe('window plan', () => {
  it('planWindow() draws exactly the events that started in the window and those still active at its start, each once', () => {
    const e = prepared(3000, 21);
    const plan = new Int32Array(PLAN_SLOTS);
    const days = { t0: 0, t1: 0 };
    const origin = e.columns.originDay;
    const first = dayOf('2019-12-01');
    fc.assert(fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 400 }), (a, width) => {
      planWindow(e, first + a, first + a + width, plan, days);
      const drawn = drawnRows(e, plan, days.t0);
      expect(new Set(drawn).size).toBe(drawn.length);
      const expected: number[] = [];
      for (let i = 0; i < e.columns.count; i++) {
        const s = e.columns.start[i];
        const persists = (e.columns.flags[i] & FLAG_PERSISTS) !== 0;
        const until = e.columns.until[i];
        const lastDay = persists ? (until === NO_UNTIL ? Infinity : until) : e.columns.end[i];
        const activeAtStart = s < days.t0 && lastDay >= days.t0;
        if ((s >= days.t0 && s <= days.t1) || activeAtStart) expected.push(i);
      }
      expect(drawn.sort((x, y) => x - y)).toEqual(expected);
      expect(days.t1).toBe(first + a + width - origin);
    }), { numRuns: 200 });
  });

  it('planWindow() with no window start draws everything started by the cursor and no persisting lane', () => {
    const e = prepared(2000, 4);
    const plan = new Int32Array(PLAN_SLOTS);
    const days = { t0: 0, t1: 0 };
    const t = dayOf('2021-03-15');
    planWindow(e, -Infinity, t, plan, days);
    expect(days.t0).toBe(-FOREVER);
    for (let l = 0; l < e.lanes.length; l++) expect(plan[PLAN_LANES + 2 * l + 1] - plan[PLAN_LANES + 2 * l]).toBe(0);
    expect(plan[PLAN_FIRST_ROW]).toBe(0);
    const started = [...e.columns.start].filter((s) => s <= t - e.columns.originDay).length;
    expect(plan[PLAN_END_ROW]).toBe(started);
  });

  it('planWindow() considers only the multi-day events that began within their lane\'s longest span of the window start', () => {
    const e = prepareEvents(decodeColumnar(encodeColumnar(synthesize({ events: 20000, seed: 5 }).columns())));
    const plan = new Int32Array(PLAN_SLOTS);
    planWindow(e, dayOf('2023-06-01'), dayOf('2023-06-30'), plan, { t0: 0, t1: 0 });
    const [, short, long] = e.lanes;
    expect(short.maxSpan).toBeLessThanOrEqual(SHORT_SPAN_DAYS);
    const candidates = (l: number) => plan[PLAN_LANES + 2 * l + 1] - plan[PLAN_LANES + 2 * l];
    // Short spans: about a month of the seven years; long ones: about a year of them.
    expect(candidates(1)).toBeGreaterThan(0);
    expect(candidates(1)).toBeLessThan(short.count / 20);
    expect(candidates(2)).toBeGreaterThan(0);
    expect(candidates(2)).toBeLessThan(long.count / 3);
  });

  it('prepareEvents() gives each event its last active day: its end, or `until` for a state (FOREVER while it holds)', () => {
    const e = prepared(1500, 2);
    for (let i = 0; i < e.columns.count; i++) {
      const r = eventAt(e.columns, i);
      const origin = e.columns.originDay;
      const expected = !r.persists ? dayOf(r.end) - origin : r.until === null ? FOREVER : dayOf(r.until) - origin;
      expect(e.lastDay[i]).toBe(Math.fround(expected));
    }
  });

  it('prepareEvents() splits common-space positions into a Float32 and a remainder that add up to the exact value', () => {
    const e = prepared(500, 9);
    for (let i = 0; i < e.columns.count; i++) {
      const lon = e.columns.position[2 * i];
      const exactX = ((lon + 180) / 360) * 512;
      expect(Math.abs(e.world[2 * i] + e.worldLow[2 * i] - exactX)).toBeLessThan(1e-9);
      expect(Math.abs(e.worldLow[2 * i])).toBeLessThan(1e-4);
    }
  });
});
