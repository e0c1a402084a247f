// The pure functions behind the hardening: what ?data= may point to, how markup is found, how a duplicate is told.
import { describe, expect, it } from 'vitest';
import { LOAD_DEFAULTS, resolveEventsUrl } from '../../src/app/data/load.ts';
import { markupSpans } from '../../src/pipeline/boilerplate.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { loadGazetteer } from '../../scripts/gazetteer-load.ts';

const page = 'https://maps.example.org/flankline/index.html';

describe('?data=', () => {
  it('resolveEventsUrl() refuses another origin unless the deployment lists it, and never an opaque one', () => {
    const other = `${page}?data=${encodeURIComponent('https://data.example.net/e.geojson')}`;
    expect(resolveEventsUrl(other)).toHaveProperty('error', expect.stringContaining('points to another site (https://data.example.net)'));
    const allowing = { ...LOAD_DEFAULTS, dataOrigins: ['https://data.example.net'] };
    expect(resolveEventsUrl(other, allowing)).toEqual({ url: 'https://data.example.net/e.geojson' });
    // a listed origin does not open the door to its neighbours or to data: and blob: URLs
    expect(resolveEventsUrl(`${page}?data=${encodeURIComponent('https://evil.example.net/e.geojson')}`, allowing)).toHaveProperty('error');
    expect(resolveEventsUrl(`${page}?data=${encodeURIComponent('data:application/json,{}')}`, { ...LOAD_DEFAULTS, dataOrigins: ['null'] })).toHaveProperty('error');
    expect(resolveEventsUrl(`${page}?data=${encodeURIComponent('javascript:alert(1)')}`)).toHaveProperty('error');
  });
});

describe('markupSpans()', () => {
  it('markupSpans() finds tags, comments and whole script and style elements, and leaves "<5 km" and "<Reuters>" as prose', () => {
    const text = 'Under <5 km, <Reuters> said. <p class="x">NATO</p><script>var a = "<b>";</script><!-- c --><style>p{}</style>';
    expect(markupSpans(text).map((s) => text.slice(s.start, s.end)))
      .toEqual(['<p class="x">', '</p>', '<script>var a = "<b>";</script>', '<!-- c -->', '<style>p{}</style>']);
  });

  it('markupSpans() ends an unclosed script at its tag and stays linear over thousands of them', () => {
    const text = '<script>x '.repeat(20_000);
    const spans = markupSpans(text);
    expect(spans).toHaveLength(20_000);
    expect(text.slice(spans[0].start, spans[0].end)).toBe('<script>');
  });
});

describe('duplicates', () => {
  it('runPipeline() reads a document once when two files have the same bytes, and says which one it read', { timeout: 30_000 }, () => {
    const bytes = new TextEncoder().encode('Quiet\nNothing happened.\n');
    const result = runPipeline([{ file: 'a.txt', bytes }, { file: 'b.txt', bytes: bytes.slice() }, { file: 'c.txt', bytes: new TextEncoder().encode('Other\nText.\n') }], loadGazetteer());
    expect(result.outcomes.map((o) => [o.file, o.error])).toEqual([
      ['a.txt', null], ['b.txt', 'b.txt: same content as a.txt, which is read instead (a duplicate counts once)'], ['c.txt', null],
    ]);
    expect(result.documents.map((d) => d.file)).toEqual(['a.txt', 'c.txt']);
  });
});
