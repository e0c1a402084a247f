// The posture's part of the read-only test hook (window.__flankline): what MapLibre and deck.gl actually show.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Arc } from './arcs.ts';
import { POSTURE_LAYER_IDS, pulsingIds } from './deck-layers.ts';
import type { Posture } from './connect.ts';
import { STATES_MAP_DEFAULTS } from './states-map.ts';

export interface PostureHook {
  /** The countries source's feature state of a country (alpha-2), e.g. { deployment: 1 }. */
  countryState(code: string): Record<string, unknown>;
  /** "eventId:actor" of every arc deck.gl draws in the viewport, read back by picking. */
  drawnArcs(): string[];
  /** Ids of incidents with a pulse ring at t. */
  pulsing(): string[];
}

export function installPostureHook(map: MapLibreMap, overlay: MapboxOverlay, posture: Posture): void {
  const hook: PostureHook = {
    countryState: (code) => map.getFeatureState({ source: STATES_MAP_DEFAULTS.source, id: code }) ?? {},
    drawnArcs: () => {
      const box = map.getContainer();
      const infos = overlay.pickObjects({ x: 0, y: 0, width: box.clientWidth, height: box.clientHeight, layerIds: [POSTURE_LAYER_IDS.arcs] });
      return [...new Set(infos.map((i) => i.object as Arc | undefined).filter((a): a is Arc => !!a).map((a) => `${a.id}:${a.actor}`))].sort();
    },
    pulsing: () => pulsingIds(posture.input()),
  };
  const w = window as unknown as { __flankline?: object };
  w.__flankline = Object.assign(w.__flankline ?? {}, hook);
}
