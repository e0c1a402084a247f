import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { dayAtSecond, eventDays, nextEventDay, playPlan, previousEventDay, secondAtDay } from '../../../src/app/timeline/play-plan.ts';
import { dayOf } from '../../../src/model/day.ts';

/** The seeds' event start days (the committed seed output is not in the repo: the fixture's spread over 2016-2025). */
const FIXTURE = JSON.parse(readFileSync('tests/fixtures/fixture-events.geojson', 'utf8')) as { features: { properties: { start: string; end: string } }[] };
const starts = FIXTURE.features.map((f) => dayOf(f.properties.start)).sort((a, b) => a - b);
const last = Math.max(...FIXTURE.features.map((f) => dayOf(f.properties.end)));

describe('the Fit play plan', () => {
  test('playPlan() covers nine years with empty stretches in about 20 seconds', () => {
    const plan = playPlan(eventDays(starts), last);
    expect(plan.total).toBeGreaterThan(15);
    expect(plan.total).toBeLessThanOrEqual(20.001);
    expect(dayAtSecond(plan, 0)).toBe(starts[0]);
    expect(dayAtSecond(plan, plan.total)).toBe(last);
  });

  test('playPlan() passes an empty stretch of years in under half a second and holds on each event day', () => {
    const days = [dayOf('2017-01-01'), dayOf('2017-01-20'), dayOf('2022-02-24'), dayOf('2022-03-01')];
    const plan = playPlan(days, dayOf('2022-03-10'));
    const gap = secondAtDay(plan, dayOf('2022-02-24')) - secondAtDay(plan, dayOf('2017-01-21'));
    expect(gap).toBeLessThan(0.5);
    // Each event day is shown for its hold: a quarter second on, it is still that day.
    const at = secondAtDay(plan, days[2]);
    expect(Math.round(dayAtSecond(plan, at + 0.25))).toBe(days[2]);
    // The busy stretches get the time: 19 days of January 2017 take longer than five empty years.
    expect(secondAtDay(plan, days[1]) - secondAtDay(plan, days[0])).toBeGreaterThan(gap);
  });

  test('dayAtSecond() and secondAtDay() are each other\'s inverse between event days', () => {
    const plan = playPlan(eventDays(starts), last);
    for (const s of [1.1, 5.3, 12.7]) expect(secondAtDay(plan, dayAtSecond(plan, s))).toBeLessThanOrEqual(s + 1e-9);
  });

  test('nextEventDay() and previousEventDay() step to the neighbouring event days and stop at the ends', () => {
    const days = eventDays(starts);
    expect(nextEventDay(days, days[0])).toBe(days[1]);
    expect(nextEventDay(days, days[0] - 100)).toBe(days[0]);
    expect(previousEventDay(days, days[2])).toBe(days[1]);
    expect(previousEventDay(days, days[2] + 1)).toBe(days[2]);
    expect(previousEventDay(days, days[0])).toBeNull();
    expect(nextEventDay(days, days[days.length - 1])).toBeNull();
  });
});
