import { describe, expect, it } from 'vitest';
import { eventId, placeTag, slug } from '../../src/pipeline/event-id.ts';
import { loadResources } from './resources.ts';
import { runPipeline, type PipelineInput } from '../../src/pipeline/index.ts';
import { write } from '../../src/pipeline/write.ts';
import type { EventFeature } from '../../src/model/index.ts';

describe('event ids', () => {
  it('eventId() is category, place identity and start date', () => {
    expect(eventId('meeting', { id: 'gn:2643743', geonameId: 2643743 }, '2025-05-05')).toBe('meeting-gn2643743-2025-05-05');
    expect(eventId('incursion', { id: 'ne:PL' }, '2025-09-10')).toBe('incursion-ne-pl-2025-09-10');
    expect(eventId('headquarters', { id: 'cur:nato-hq' }, '2024-12-06')).toBe('headquarters-cur-nato-hq-2024-12-06');
  });

  it('eventId() gives two places of one name two ids (London, England and London, Ontario)', () => {
    const england = eventId('meeting', { id: 'gn:2643743', geonameId: 2643743 }, '2025-05-05');
    const ontario = eventId('meeting', { id: 'gn:6058560', geonameId: 6058560 }, '2025-05-05');
    expect(england).not.toBe(ontario);
  });

  it('placeTag() prefers the GeoNames id, which outlives a rebuild of the gazetteer, to the entry id', () => {
    expect(placeTag({ id: 'cur:brussels-hq', geonameId: 2800866 })).toBe('gn2800866');
  });

  it('placeTag() adds a hash when making the entry id URL-safe loses something, so two entries never share a tag', () => {
    const a = placeTag({ id: 'cur:ādaži' });
    const b = placeTag({ id: 'cur:adazi' });
    expect(b).toBe('cur-adazi');
    expect(a).toMatch(/^cur-adazi-[0-9a-z]+$/);
    expect(placeTag({ id: 'ne:PL' })).not.toBe(placeTag({ id: 'cur:pl' }));
  });

  it('slug() keeps letters and digits, folds accents and joins the rest with hyphens', () => {
    expect(slug('Ādaži Military Base')).toBe('adazi-military-base');
  });
});

describe('event ids through the pipeline', () => {
  const doc = (file: string, text: string): PipelineInput => ({
    file, bytes: new TextEncoder().encode(text), meta: { file, title: file, credit: null, published: '2025-05-06' },
  });
  const idsOf = (inputs: PipelineInput[]) => {
    const result = runPipeline(inputs, loadResources());
    const features = JSON.parse(write(result.events, result.documents, result.mentions).events).features as EventFeature[];
    return new Map(features.map((f) => [f.id, f.properties.place.country]));
  };

  it('runPipeline() keeps the id of a meeting in London, England when a document about London, Ontario the same day is added', () => {
    const england = doc('b-england.txt', 'Talks\nThe foreign ministers met in London, England, on 5 May 2025.\n');
    const ontario = doc('a-ontario.txt', 'Talks in Canada\nThe trade ministers met in London, Ontario, on 5 May 2025.\n');
    const before = idsOf([england]);
    expect([...before]).toEqual([['meeting-gn2643743-2025-05-05', 'GB']]);
    const after = idsOf([ontario, england]);
    // The published permalink still opens the English meeting, and the Canadian one has an id of its own.
    expect(after.get('meeting-gn2643743-2025-05-05')).toBe('GB');
    expect([...after.values()].sort()).toEqual(['CA', 'GB']);
  }, 60_000);
});
