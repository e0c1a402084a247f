// Contributor arcs: one per (event, contributor) from the contributor's capital to the event's place, built once per
// dataset from the posture table. Who counts as a contributor is the contract's rule (contributorsOf): not a host,
// never seen attacking, and no arcs at all for a hostile category.
import { stringAt } from '../../model/columnar.ts';
import { alpha2OfCode, contributorsOf, type PostureTable } from '../../model/posture-table.ts';
import { categoryOf, type EventsTable } from '../state/events-table.ts';
import type { LonLat } from './capitals.ts';

export interface Arc {
  /** Table row of the event. */
  row: number;
  id: string;
  actor: string;
  source: LonLat;
  target: LonLat;
}

/** Every arc of the dataset, active or not, in row (start) order; the layer keeps the active ones per frame. */
export function buildArcs(table: EventsTable, posture: PostureTable, capitals: ReadonlyMap<string, LonLat>): Arc[] {
  const arcs: Arc[] = [];
  const { columns } = table;
  for (let k = 0; k < posture.rows.length; k++) {
    const row = posture.rows[k];
    const actors = posture.actors.subarray(posture.actorOffsets[k], posture.actorOffsets[k + 1]);
    const hosts = posture.hosts.subarray(posture.hostOffsets[k], posture.hostOffsets[k + 1]);
    for (const code of contributorsOf(categoryOf(table, row), actors, hosts, posture.hostile)) {
      const actor = alpha2OfCode(code);
      const source = capitals.get(actor);
      if (!source) continue;
      arcs.push({ row, id: stringAt(columns, columns.id[row]), actor, source, target: [columns.position[2 * row], columns.position[2 * row + 1]] });
    }
  }
  return arcs;
}
