// Baseline: one deck.gl ScatterplotLayer over all N GeoJSON features, DataFilterExtension on start (the kepler.gl way).
import { ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import { FadeExtension } from './fade-extension.ts';
import {
  FADED_ALPHA, installDeckBaseline, PALETTE, RADIUS_PX, type DisplayFeature,
} from './common.ts';

const EXTENSIONS = [new DataFilterExtension({ filterSize: 1 }), new FadeExtension()];

function layer(features: DisplayFeature[], t0: number, t1: number) {
  return new ScatterplotLayer<DisplayFeature>({
    id: 'events', data: features, pickable: true, radiusUnits: 'pixels', getRadius: RADIUS_PX, stroked: false,
    getPosition: (f) => f.geometry.coordinates,
    getFillColor: (f) => PALETTE[f.properties.c],
    extensions: EXTENSIONS,
    // @ts-expect-error extension props
    getFilterValue: (f: DisplayFeature) => f.properties.s, filterRange: [t0 - 0.5, t1 + 0.5],
    getFreshUntil: (f: DisplayFeature) => f.properties.f, fadeTime: t1, fadedOpacity: FADED_ALPHA,
  });
}

installDeckBaseline(layer);
