// The reader's motion preference, on its own so the first paint can read it without loading the deck.gl layers.

/** Whether the reader asked for less motion (read each time, so a change of setting applies at once). */
export const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
