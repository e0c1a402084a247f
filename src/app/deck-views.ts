// The map's deck.gl half: event markers (the large mode's scale layer too), posture layers and their test hooks.
// main.ts loads it as a separate chunk, started at once, so the basemap, timeline, list and legend paint while
// deck.gl and luma.gl download.
export { connectPosture } from './posture/connect.ts';
export { connectEvents } from './map-events.ts';
export { installTestHook } from './test-hook.ts';
export { installPostureHook } from './posture/test-hook.ts';
export { connectLargeEvents } from './large/large-map.ts';
export { installLargeTestHook } from './large/large-test-hook.ts';
