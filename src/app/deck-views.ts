// The map's deck.gl half: the events layer, the posture layers and the test hook. The app loads it as a separate
// chunk, started at once, so the basemap, timeline, list and legend paint while deck.gl and luma.gl download.
export { connectEventsMap } from './events-map.ts';
export { installTestHook } from './test-hook.ts';
