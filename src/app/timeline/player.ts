// Play/Pause: advances `t` by the chosen speed and stops at the end of the data, or starts again when looping.
// With prefers-reduced-motion the time moves in whole steps (a second's worth at a time), not on every frame.
import type { Store } from '../state/store.ts';
import { nextTime, playAdvance } from '../posture/play-window.ts';

export const PLAYER_DEFAULTS = {
  /** Longest frame gap counted, so a background tab does not jump years on its return. */
  maxFrameSeconds: 0.25,
  /** Under reduced motion, one step per this many seconds. */
  stepSeconds: 1,
};

export function startPlayer(store: Store, domain: [number, number], reducedMotion = () => false, opts = PLAYER_DEFAULTS): void {
  let last = 0;
  let carry = 0;
  let elapsed = 0;
  let frame = 0;
  const tick = (now: number) => {
    const state = store.get();
    if (!state.playing) return;
    const reduced = reducedMotion();
    // Stepping counts wall time up to a whole step, so slow frames do not stretch the steps.
    const dt = last ? Math.min(reduced ? opts.stepSeconds : opts.maxFrameSeconds, (now - last) / 1000) : 0;
    last = now;
    let days: number;
    if (reduced) {
      elapsed += dt;
      days = playAdvance(state.speedDaysPerSecond, elapsed, true, opts.stepSeconds);
      if (days) elapsed = 0;
    } else {
      carry += playAdvance(state.speedDaysPerSecond, dt, false);
      days = Math.floor(carry);
      carry -= days;
    }
    if (days) {
      const next = nextTime(state.t, days, domain, state.loop);
      store.set(next.ended ? { t: next.t, playing: false } : { t: next.t });
    }
    if (store.get().playing) frame = requestAnimationFrame(tick);
  };
  store.subscribe((state, previous) => {
    if (state.playing === previous.playing) return;
    cancelAnimationFrame(frame);
    if (!state.playing) return;
    if (state.t >= domain[1]) store.set({ t: domain[0] });
    last = 0;
    carry = 0;
    elapsed = 0;
    frame = requestAnimationFrame(tick);
  });
}
