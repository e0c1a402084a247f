import { describe, expect, test } from 'vitest';
import { readEmbedOptions, writeEmbedQuery } from '../../../src/app/embed/options.ts';
import { embedUrl, iframeSnippet, permalink } from '../../../src/app/embed/share-dialog.ts';

describe('readEmbedOptions', () => {
  test('readEmbedOptions() defaults to the full app, obeying only its own origin', () => {
    expect(readEmbedOptions('http://a.test/map/')).toEqual(
      { embed: false, scrubber: true, autoplay: false, lock: false, origins: ['http://a.test'] });
  });
  test('readEmbedOptions() reads the flags, embed.html and the allowed origins', () => {
    const o = readEmbedOptions('http://a.test/map/embed.html?scrubber=0&autoplay=1&lock=1&origins=http://b.test:81/x,*,nonsense');
    expect(o).toEqual({ embed: true, scrubber: false, autoplay: true, lock: true, origins: ['http://b.test:81', '*'] });
  });
  test('writeEmbedQuery() writes only what differs from the defaults', () => {
    expect(writeEmbedQuery({ embed: true, scrubber: true, lock: true })).toBe('embed=1&lock=1');
  });
});

describe('share links', () => {
  const here = new URL('http://a.test/map/index.html?embed=1&data=d/events.geojson#time=2025-09-15&event=x');
  test('permalink() keeps the data and the view and drops embed mode', () => {
    expect(permalink(here)).toBe('http://a.test/map/index.html?data=d%2Fevents.geojson#time=2025-09-15&event=x');
  });
  test('embedUrl() adds the embed options to the same view', () => {
    expect(embedUrl(here, { scrubber: false })).toBe('http://a.test/map/index.html?data=d%2Fevents.geojson&embed=1&scrubber=0#time=2025-09-15&event=x');
  });
  test('iframeSnippet() escapes the URL into an attribute', () => {
    expect(iframeSnippet('http://a.test/?a=1&b="2"')).toContain('src="http://a.test/?a=1&amp;b=&quot;2&quot;"');
  });
});
