// The posture table beside events.bin (docs/columnar-format.md, "Companion tables"): what the map's posture needs
// beyond the columns, for the few rows that carry it, so the app draws host tints, contributor arcs and the summary
// of a million events without a million feature objects.
//
//   rows          Uint32[p]    rows of events.bin, ascending: every persisting event and every event with a contributor
//   hostOffsets   Uint32[p+1]  hosts of posture row k:  hosts[hostOffsets[k] .. hostOffsets[k+1])
//   actorOffsets  Uint32[p+1]  actors of posture row k: actors[actorOffsets[k] .. actorOffsets[k+1])
//   hostile       Uint16[h]    actors seen acting in a hostile category anywhere in the data, ascending
//   hosts         Uint16[.]    country codes (codeOfAlpha2) of the place's countries (countriesOf)
//   actors        Uint16[.]    country codes of the event's actors, each once
import type { Category, EventFeature } from './event.ts';
import { countriesOf } from './place.ts';
import { alpha2OfCode, codeOfAlpha2, COUNTRY_CODES } from './country-code.ts';
import { checkOffsets, decodeTable, encodeTable, TableFormatError, type BinIdentity } from './table-file.ts';

/** Categories whose actors attack rather than contribute: their actors get no arc, anywhere (the app's arcs). */
export const HOSTILE_CATEGORIES: readonly Category[] = ['incursion', 'incident', 'strike', 'advance'];
/** Categories whose actors take part without sending anything: a meeting's attendees get no arc (the panel lists them). */
export const ATTENDANCE_CATEGORIES: readonly Category[] = ['meeting'];

export interface PostureTable {
  readonly rows: Uint32Array;
  readonly hostOffsets: Uint32Array;
  readonly actorOffsets: Uint32Array;
  readonly hostile: Uint16Array;
  readonly hosts: Uint16Array;
  readonly actors: Uint16Array;
}

export { alpha2OfCode, codeOfAlpha2 };

function has(list: ArrayLike<number>, x: number): boolean {
  for (let k = 0; k < list.length; k++) if (list[k] === x) return true;
  return false;
}

/**
 * The contributors of an event: its actors that are not its hosts and are never seen attacking, none at all for a
 * hostile category or a meeting (attending is not contributing: four lines to Australia, Japan, Korea and New Zealand
 * for a ministers' meeting in Brussels said something false). (The pipeline sometimes names the threat as an actor of
 * a deployment; a host contributing on its own soil needs no arc.)
 */
export function contributorsOf(
  category: Category,
  actors: ArrayLike<number>,
  hosts: ArrayLike<number>,
  hostile: ArrayLike<number>,
): number[] {
  if (HOSTILE_CATEGORIES.includes(category) || ATTENDANCE_CATEGORIES.includes(category)) return [];
  const out: number[] = [];
  for (let k = 0; k < actors.length; k++) if (!has(hosts, actors[k]) && !has(hostile, actors[k])) out.push(actors[k]);
  return out;
}

/** The posture table of `count` rows, given the feature of each row in the bin's order (one pass, any size). */
export function postureOfRows(count: number, featureOfRow: (row: number) => EventFeature): PostureTable {
  const hostileSeen = new Uint8Array(COUNTRY_CODES);
  // Candidates: persisting, or a non-hostile event with actors; which of the latter have a contributor is known
  // only once every hostile actor has been seen, at the end.
  const rows: number[] = [];
  const hosts: number[][] = [];
  const actors: number[][] = [];
  const persisting: boolean[] = [];
  for (let row = 0; row < count; row++) {
    const p = featureOfRow(row).properties;
    const own = [...new Set(p.actors)].map(codeOfAlpha2);
    if (HOSTILE_CATEGORIES.includes(p.category)) {
      for (const a of own) hostileSeen[a] = 1;
      if (!p.persists) continue;
    } else if (!p.persists && own.length === 0) continue;
    rows.push(row);
    hosts.push(countriesOf(p.place).map(codeOfAlpha2));
    actors.push(own);
    persisting.push(p.persists);
  }
  const hostile: number[] = [];
  for (let c = 0; c < COUNTRY_CODES; c++) if (hostileSeen[c]) hostile.push(c);
  const keep: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const category = featureOfRow(rows[k]).properties.category;
    if (persisting[k] || contributorsOf(category, actors[k], hosts[k], hostile).length > 0) keep.push(k);
  }
  const offsets = (lists: number[][]) => {
    const out = new Uint32Array(keep.length + 1);
    keep.forEach((k, j) => {
      out[j + 1] = out[j] + lists[k].length;
    });
    return out;
  };
  return {
    rows: Uint32Array.from(keep, (k) => rows[k]),
    hostOffsets: offsets(hosts),
    actorOffsets: offsets(actors),
    hostile: Uint16Array.from(hostile),
    hosts: Uint16Array.from(keep.flatMap((k) => hosts[k])),
    actors: Uint16Array.from(keep.flatMap((k) => actors[k])),
  };
}

/** The posture table of features already in the bin's row order. */
export function postureOfFeatures(rows: readonly EventFeature[]): PostureTable {
  return postureOfRows(rows.length, (row) => rows[row]);
}

export function encodePosture(table: PostureTable, bin: BinIdentity): ArrayBuffer {
  return encodeTable('posture', bin, [table.rows, table.hostOffsets, table.actorOffsets, table.hostile, table.hosts, table.actors]);
}

/**
 * Reads a posture file; throws TableFormatError naming `label` and the problem. With `bin` it must belong to that
 * events.bin.
 */
export function decodePosture(buffer: ArrayBuffer, label: string, bin?: BinIdentity): PostureTable {
  const { count, sections } = decodeTable(buffer, 'posture', ['u32', 'u32', 'u32', 'u16', 'u16', 'u16'], label, bin);
  const [rows, hostOffsets, actorOffsets, hostile, hosts, actors] = sections as [
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint16Array,
    Uint16Array,
    Uint16Array,
  ];
  const fail = (message: string): never => {
    throw new TableFormatError(`${label}: ${message}`);
  };
  if (hostOffsets.length !== rows.length + 1 || actorOffsets.length !== rows.length + 1) fail('corrupt: offsets do not match the rows');
  checkOffsets(hostOffsets, hosts.length, 'hosts', fail);
  checkOffsets(actorOffsets, actors.length, 'actors', fail);
  for (let k = 0; k < rows.length; k++) {
    if (rows[k] >= count || (k > 0 && rows[k] <= rows[k - 1]))
      fail(`corrupt: posture row ${k} (${rows[k]}) is out of order or not in events.bin`);
  }
  for (const codes of [hostile, hosts, actors]) {
    for (let k = 0; k < codes.length; k++)
      if (codes[k] >= COUNTRY_CODES) fail(`corrupt: country code ${codes[k]} (0..${COUNTRY_CODES - 1})`);
  }
  return { rows, hostOffsets, actorOffsets, hostile, hosts, actors };
}

/** No posture at all (a dataset whose table could not be read): no tints, arcs or summary lines. */
export const EMPTY_POSTURE: PostureTable = {
  rows: new Uint32Array(0),
  hostOffsets: new Uint32Array(1),
  actorOffsets: new Uint32Array(1),
  hostile: new Uint16Array(0),
  hosts: new Uint16Array(0),
  actors: new Uint16Array(0),
};
