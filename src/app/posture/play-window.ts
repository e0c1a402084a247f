// The two ways of playing time, as analysts know them from kepler.gl: cumulative (everything that started by t) and
// a moving window (only what was going on in the last N days; states still in place count as going on).
export type PlayMode = 'cumulative' | 'window';

export const PLAY_WINDOW_DEFAULTS = {
  /** Window lengths offered to the reader, in days. */
  windowDays: [7, 30, 90, 365],
  /** Stands in for "no lower bound" (cumulative); far beyond any real day offset, exact in float32. */
  farDays: 1e7,
};

/** Earliest day an event's last active day may be and still be shown at t. */
export function windowFloor(mode: PlayMode, t: number, windowDays: number, opts = PLAY_WINDOW_DEFAULTS): number {
  return mode === 'window' ? t - windowDays : t - opts.farDays;
}

/** Whether an event active over [start, lastDay] is shown at t in this mode (lastDay = until or +Infinity for states). */
export function inPlayWindow(mode: PlayMode, t: number, windowDays: number, start: number, lastDay: number): boolean {
  return start <= t && lastDay >= windowFloor(mode, t, windowDays);
}

/** Days to advance per tick: smooth play advances every frame; reduced motion advances once per `stepSeconds`. */
export function playAdvance(speedDaysPerSecond: number, elapsedSeconds: number, reducedMotion: boolean, stepSeconds = 1): number {
  if (!reducedMotion) return speedDaysPerSecond * elapsedSeconds;
  return Math.floor(elapsedSeconds / stepSeconds) * speedDaysPerSecond * stepSeconds;
}

/** The next t after advancing by `days`: clamped at the end, or wrapped to the start when looping. */
export function nextTime(t: number, days: number, domain: [number, number], loop: boolean): { t: number; ended: boolean } {
  const next = t + days;
  if (next < domain[1]) return { t: next, ended: false };
  if (loop) return { t: domain[0] + ((next - domain[1]) % Math.max(1, domain[1] - domain[0])), ended: false };
  return { t: domain[1], ended: true };
}
