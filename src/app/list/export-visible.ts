// "CSV" and "GeoJSON" under the list: the events shown at the current date (started by t, passing the search and the
// legend's categories), one row or feature each, with what the columns hold: id, title, category, dates at their
// precision, status, whether the date is the report's, place name, position, number of sources. A spreadsheet, QGIS,
// kepler.gl or ACLED-style workflows take it from there. CSV quoting is RFC 4180, written here: d3-dsv would do it,
// but its module builds parsers with `new Function`, which the page's CSP forbids (docs/hardening.md).
import { eventAt, type ColumnarEventRecord } from '../../model/columnar.ts';
import type { EventsTable } from '../state/events-table.ts';
import { countStartedBy } from '../state/visible.ts';

export const CSV_COLUMNS = ['id', 'title', 'category', 'start', 'end', 'precision', 'status', 'date_from_publication',
  'persists', 'until', 'place', 'lon', 'lat', 'sources'] as const;

/** Rows shown at t that pass the filter, oldest first. */
export function visibleRows(table: EventsTable, t: number, passes: (row: number) => boolean = () => true): number[] {
  const rows: number[] = [];
  const count = countStartedBy(table.start, t);
  for (let i = 0; i < count; i++) if (passes(i)) rows.push(i);
  return rows;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or return) as a formula: such text gets a leading
 * apostrophe (OWASP's advice), so a hostile title is shown, never run.
 */
export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cells(r: ColumnarEventRecord): string[] {
  return [r.id, r.title, r.category, r.start, r.end, r.precision, r.status, String(r.datedByPublication), String(r.persists),
    r.until ?? '', r.place, r.lon.toFixed(5), r.lat.toFixed(5), String(r.sourceCount)].map(safeCell);
}

export function csvOf(table: EventsTable, rows: readonly number[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(cells(eventAt(table.columns, row)).map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function geojsonOf(table: EventsTable, rows: readonly number[]): string {
  const features = rows.map((row) => {
    const r = eventAt(table.columns, row);
    return {
      type: 'Feature', id: r.id,
      geometry: { type: 'Point', coordinates: [Number(r.lon.toFixed(5)), Number(r.lat.toFixed(5))] },
      properties: {
        title: r.title, category: r.category, start: r.start, end: r.end, precision: r.precision, status: r.status,
        dateFromPublication: r.datedByPublication, persists: r.persists, until: r.until, place: r.place, sources: r.sourceCount,
      },
    };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** Saves text as a file through a temporary link (no server involved). */
export function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
