// Play/Pause: advances `t` by the chosen speed and stops at the end of the data, or starts again when looping.
// At the speed "Fit" (FIT_SPEED, the default) it follows the play plan (play-plan.ts): the span in about 20 s, empty
// stretches skipped, a hold on each event day. With prefers-reduced-motion the time moves in whole steps (a second's
// worth at a time), not on every frame.
import type { Store } from '../state/store.ts';
import { nextTime, playAdvance } from '../posture/play-window.ts';
import { dayAtSecond, secondAtDay, type PlayPlan } from './play-plan.ts';

/** `speedDaysPerSecond` of the "Fit" speed: the play plan sets the pace. */
export const FIT_SPEED = 0;
/** Fit without a plan (no events): a month a second. */
const FALLBACK_SPEED = 30;

export const PLAYER_DEFAULTS = {
  /** Longest frame gap counted, so a background tab does not jump years on its return. */
  maxFrameSeconds: 0.25,
  /** Under reduced motion, one step per this many seconds. */
  stepSeconds: 1,
  /** Longest frame gap counted at the Fit speed: its whole run is 20 s, so a slow frame must not stretch it much. */
  maxFitFrameSeconds: 1,
};

/** `plan`: the Fit speed's plan (absent, Fit plays at a month a second). */
export function startPlayer(store: Store, domain: [number, number], reducedMotion = () => false, opts = PLAYER_DEFAULTS,
  plan?: PlayPlan): void {
  let last = 0;
  let carry = 0;
  let elapsed = 0;
  let frame = 0;
  /** Seconds into the plan, at the Fit speed. */
  let planned = 0;
  /** The t the plan last set: a different t means the reader moved the time, and the plan goes on from there. */
  let planT = Number.NaN;
  const fitTick = (now: number, reduced: boolean, p: PlayPlan) => {
    const state = store.get();
    if (state.t !== planT) planned = secondAtDay(p, state.t);
    const dt = last ? Math.min(reduced ? opts.stepSeconds : opts.maxFitFrameSeconds, (now - last) / 1000) : 0;
    last = now;
    if (reduced) {
      elapsed += dt;
      if (elapsed < opts.stepSeconds) return;
      elapsed = 0;
      planned += opts.stepSeconds;
    } else {
      planned += dt;
    }
    if (planned >= p.total) {
      if (state.loop) {
        planned = 0;
        planT = Math.round(dayAtSecond(p, 0));
        store.set({ t: planT });
      } else {
        planT = Math.round(dayAtSecond(p, p.total));
        store.set({ t: planT, playing: false });
      }
      return;
    }
    planT = Math.round(dayAtSecond(p, planned));
    if (planT !== state.t) store.set({ t: planT });
  };
  const tick = (now: number) => {
    const state = store.get();
    if (!state.playing) return;
    const reduced = reducedMotion();
    if (state.speedDaysPerSecond === FIT_SPEED && plan) {
      fitTick(now, reduced, plan);
      if (store.get().playing) frame = requestAnimationFrame(tick);
      return;
    }
    // Stepping counts wall time up to a whole step, so slow frames do not stretch the steps.
    const dt = last ? Math.min(reduced ? opts.stepSeconds : opts.maxFrameSeconds, (now - last) / 1000) : 0;
    last = now;
    let days: number;
    if (reduced) {
      elapsed += dt;
      days = playAdvance(state.speedDaysPerSecond || FALLBACK_SPEED, elapsed, true, opts.stepSeconds);
      if (days) elapsed = 0;
    } else {
      carry += playAdvance(state.speedDaysPerSecond || FALLBACK_SPEED, dt, false);
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
    const end = plan && state.speedDaysPerSecond === FIT_SPEED ? plan.days[plan.days.length - 1] : domain[1];
    if (state.t >= end) store.set({ t: domain[0] });
    if (plan) planned = secondAtDay(plan, store.get().t);
    planT = store.get().t;
    last = 0;
    carry = 0;
    elapsed = 0;
    frame = requestAnimationFrame(tick);
  });
}
