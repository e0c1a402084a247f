// Contributor arcs: one per (event, actor) from the actor's capital to the event's place, built once per dataset.
// Hostile categories are left out: an actor there is the attacker, not a contributor. So is any actor the data shows
// attacking (an actor of a hostile event): the pipeline sometimes names the threat as an actor of a deployment.
import type { Category } from '../../model/index.ts';
import type { EventsTable } from '../state/events-table.ts';
import type { LonLat } from './capitals.ts';
import { hostCodes } from './states.ts';

export const ARCS_DEFAULTS = {
  /** Categories whose actors are not contributors. */
  excludeCategories: ['incursion', 'strike', 'advance', 'incident'] as Category[],
  /** Leave out actors that act in an excluded category anywhere in the data. */
  excludeHostileActors: true,
};

export interface Arc {
  /** Table index of the event. */
  index: number;
  id: string;
  actor: string;
  source: LonLat;
  target: LonLat;
}

/** Every arc of the dataset, active or not; the layer filters them by time on the GPU. */
export function buildArcs(table: EventsTable, capitals: ReadonlyMap<string, LonLat>, opts = ARCS_DEFAULTS): Arc[] {
  const excluded = new Set(opts.excludeCategories);
  const hostile = new Set<string>();
  if (opts.excludeHostileActors) {
    for (let i = 0; i < table.length; i++) {
      const p = table.feature(i).properties;
      if (excluded.has(p.category)) for (const a of p.actors) hostile.add(a);
    }
  }
  const arcs: Arc[] = [];
  for (let i = 0; i < table.length; i++) {
    const f = table.feature(i);
    if (excluded.has(f.properties.category) || !f.properties.actors.length) continue;
    const hosts = new Set(hostCodes(f));
    for (const actor of new Set(f.properties.actors)) {
      const source = capitals.get(actor);
      // A host contributing on its own soil needs no arc.
      if (!source || hosts.has(actor) || hostile.has(actor)) continue;
      arcs.push({ index: i, id: f.id, actor, source, target: f.geometry.coordinates as LonLat });
    }
  }
  return arcs;
}
