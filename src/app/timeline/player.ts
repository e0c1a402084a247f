// Play/Pause: advances `t` by the chosen speed on animation frames, and stops at the end of the data.
import type { Store } from '../state/store.ts';

export function startPlayer(store: Store, domain: [number, number]): void {
  let last = 0;
  let carry = 0;
  let frame = 0;
  const tick = (now: number) => {
    const state = store.get();
    if (!state.playing) return;
    const dt = last ? Math.min(0.25, (now - last) / 1000) : 0;
    last = now;
    carry += dt * state.speedDaysPerSecond;
    const whole = Math.floor(carry);
    carry -= whole;
    const t = Math.min(domain[1], state.t + whole);
    store.set(t >= domain[1] ? { t, playing: false } : { t });
    frame = requestAnimationFrame(tick);
  };
  store.subscribe((state, previous) => {
    if (state.playing === previous.playing) return;
    cancelAnimationFrame(frame);
    if (!state.playing) return;
    if (state.t >= domain[1]) store.set({ t: domain[0] });
    last = 0;
    carry = 0;
    frame = requestAnimationFrame(tick);
  });
}
