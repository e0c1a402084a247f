import { describe, expect, test } from 'vitest';
import { PULSE_DEFAULTS, pulseStrength } from '../../../src/app/posture/pulse.ts';

describe('pulse strength', () => {
  test('pulseStrength() is 0 before a day event, 1 on its day, then decays linearly to 0 over the window', () => {
    expect([99, 100, 101, 115, 130, 131].map((t) => pulseStrength(t, 100, 100, 'day', 30)))
      .toEqual([0, 1, 1 - 1 / 30, 0.5, 0, 0]);
  });

  test('pulseStrength() fades a month-precision event in over its month from a strength still seen, instead of popping at its start', () => {
    const s = (t: number) => pulseStrength(t, 0, 29, 'month', 10);
    const floor = PULSE_DEFAULTS.uncertainFloor;
    expect(floor).toBeGreaterThanOrEqual(0.3);
    expect(floor).toBeLessThan(0.6);
    expect(s(-1)).toBe(0);
    expect(s(0)).toBeCloseTo(floor);
    expect(s(0)).toBeLessThan(s(14));
    expect(s(14)).toBeLessThan(s(28));
    expect(s(29)).toBe(1);
    expect(s(34)).toBeCloseTo(0.5);
  });

  test('pulseStrength() with a zero window stops at the end', () => {
    expect(pulseStrength(101, 100, 100, 'day', 0)).toBe(0);
  });
});
