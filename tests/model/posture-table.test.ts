import { describe, expect, test } from 'vitest';
import { encodeFeatures } from '../../src/model/columnar.ts';
import { featuresInRowOrder } from '../../src/model/parts.ts';
import {
  alpha2OfCode,
  codeOfAlpha2,
  contributorsOf,
  decodePosture,
  encodePosture,
  postureOfFeatures,
  type PostureTable,
} from '../../src/model/posture-table.ts';
import { TableFormatError } from '../../src/model/table-file.ts';
import { event } from '../app/posture/helpers.ts';

const codes = (...alpha2: string[]) => alpha2.map(codeOfAlpha2);
const FEATURES = featuresInRowOrder([
  event({
    id: 'baltics',
    category: 'deployment',
    start: '2017-01-01',
    persists: true,
    place: { kind: 'region', country: null, countries: ['EE', 'LV', 'LT'] },
    actors: ['DE', 'GB'],
  }),
  event({
    id: 'sentry',
    category: 'mission',
    start: '2025-09-12',
    persists: true,
    place: { country: 'PL' },
    actors: ['DE', 'DK', 'PL', 'DK'],
  }),
  event({ id: 'drones', category: 'incursion', start: '2025-09-10', place: { country: 'PL' }, actors: ['RU', 'DE'] }),
  event({ id: 'summit', category: 'meeting', start: '2023-07-11', place: { country: 'LT' }, actors: ['US', 'LT'] }),
  event({ id: 'host-only', category: 'aid', start: '2023-08-01', place: { country: 'UA' }, actors: ['UA'] }),
  event({ id: 'quiet', category: 'other', start: '2022-01-01' }),
]);
const table = postureOfFeatures(FEATURES);
const rowOf = (id: string) => FEATURES.findIndex((f) => f.id === id);
const listOf = (t: PostureTable, offsets: Uint32Array, values: Uint16Array, id: string) => {
  const k = [...t.rows].indexOf(rowOf(id));
  return [...values.subarray(offsets[k], offsets[k + 1])].map(alpha2OfCode);
};

describe('the posture table', () => {
  test('codeOfAlpha2() and alpha2OfCode() map every two-letter code to a number below 676 and back', () => {
    expect(codeOfAlpha2('AA')).toBe(0);
    expect(codeOfAlpha2('ZZ')).toBe(675);
    for (const code of ['PL', 'EE', 'GB', 'UA', 'ZW']) expect(alpha2OfCode(codeOfAlpha2(code))).toBe(code);
  });

  test('contributorsOf() leaves out hosts and attackers, and gives a hostile category none', () => {
    expect(contributorsOf('mission', codes('DE', 'DK', 'PL'), codes('PL'), codes('DE')).map(alpha2OfCode)).toEqual(['DK']);
    expect(contributorsOf('strike', codes('DK'), [], [])).toEqual([]);
    // Attending a meeting is not sending forces: no arc from Canberra to Brussels.
    expect(contributorsOf('meeting', codes('AU', 'KR', 'NZ'), codes('BE'), [])).toEqual([]);
  });

  test('postureOfFeatures() keeps every persisting event and every event with a contributor, in row order', () => {
    // The summit's attendees contribute nothing (attending is not sending forces), so it has no row.
    expect([...table.rows].map((r) => FEATURES[r].id)).toEqual(['baltics', 'sentry']);
    expect([...table.hostile].map(alpha2OfCode)).toEqual(['DE', 'RU']);
    expect(listOf(table, table.hostOffsets, table.hosts, 'baltics')).toEqual(['EE', 'LV', 'LT']);
    expect(listOf(table, table.hostOffsets, table.hosts, 'sentry')).toEqual(['PL']);
    // Every actor once, contributors or not: the summary counts them, the arcs apply contributorsOf.
    expect(listOf(table, table.actorOffsets, table.actors, 'sentry')).toEqual(['DE', 'DK', 'PL']);
  });

  test('encodePosture() then decodePosture() gives the table back, and it must belong to the bin it names', () => {
    const bin = encodeFeatures(FEATURES);
    const identity = { count: FEATURES.length, totalBytes: bin.byteLength };
    const back = decodePosture(encodePosture(table, identity), 'events.posture.bin', identity);
    for (const key of Object.keys(table) as (keyof PostureTable)[]) expect([...back[key]]).toEqual([...table[key]]);
    expect(() =>
      decodePosture(encodePosture(table, identity), 'events.posture.bin', { ...identity, totalBytes: identity.totalBytes + 4 }),
    ).toThrow(/^events\.posture\.bin: belongs to another events\.bin \(6 rows, \d+ bytes; events\.bin has 6 rows, \d+ bytes\)$/);
  });

  test('decodePosture() names what is wrong with a file it cannot read', () => {
    const identity = { count: FEATURES.length, totalBytes: 1 };
    const good = new Uint8Array(encodePosture(table, identity));
    const read = (bytes: Uint8Array) => () => decodePosture(bytes.slice().buffer, 'events.posture.bin');
    expect(read(good.slice(0, 10))).toThrow('events.posture.bin: truncated: 10 bytes, less than the 32-byte header');
    expect(read(good.slice(0, good.length - 4))).toThrow(/^events\.posture\.bin: truncated: header says \d+ bytes, got \d+$/);
    const other = good.slice();
    other[0] = 0;
    expect(read(other)).toThrow('events.posture.bin: not a Flankline table (magic FLKT missing)');
    const text = good.slice();
    text[6] = 2;
    expect(read(text)).toThrow('events.posture.bin: not a posture table (kind 2)');
    // A row past the bin's last.
    const rowPast = good.slice();
    new DataView(rowPast.buffer).setUint32(8, 1, true);
    expect(read(rowPast)).toThrow(TableFormatError);
    expect(read(rowPast)).toThrow(/out of order or not in events\.bin/);
  });
});
