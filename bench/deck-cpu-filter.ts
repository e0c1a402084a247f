// Baseline: deck.gl over a data array filtered on the CPU each frame (only the window's events reach the GPU).
import { ScatterplotLayer } from '@deck.gl/layers';
import {
  FADED_ALPHA, installDeckBaseline, PALETTE, RADIUS_PX, type DisplayFeature,
} from './common.ts';

const FADED = Math.round(255 * FADED_ALPHA);

function layer(features: DisplayFeature[], t0: number, t1: number) {
  const visible = features.filter((f) => f.properties.s >= t0 && f.properties.s <= t1);
  return new ScatterplotLayer<DisplayFeature>({
    id: 'events', data: visible, pickable: true, radiusUnits: 'pixels', getRadius: RADIUS_PX, stroked: false,
    getPosition: (f) => f.geometry.coordinates,
    getFillColor: (f) => {
      const [r, g, b] = PALETTE[f.properties.c];
      return [r, g, b, t1 > f.properties.f ? FADED : 255];
    },
    updateTriggers: { getFillColor: t1 },
  });
}

installDeckBaseline(layer);
