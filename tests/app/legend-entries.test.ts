import { describe, expect, test } from 'vitest';
import { datasetOfFeatures } from '../../src/app/data/features-dataset.ts';
import { LEGEND_TEXT, postureLegendEntries } from '../../src/app/legend-entries.ts';
import { event } from './posture/helpers.ts';

const texts = (...events: Parameters<typeof event>[0][]) => {
  const { table, posture } = datasetOfFeatures(events.map(event));
  return postureLegendEntries(table, posture).map((e) => `${e.kind}:${e.text}`);
};

describe('the legend of what the map draws besides markers', () => {
  test('postureLegendEntries() lists held states by style, arcs for contributors, pulses for incidents, then NATO', () => {
    expect(texts(
      { id: 'd', category: 'deployment', start: '2017-01-01', persists: true, place: { country: 'PL' }, actors: ['US'] },
      { id: 'h', category: 'headquarters', start: '2025-01-01', persists: true },
      { id: 'i', category: 'incursion', start: '2025-09-10', actors: ['RU'] },
    )).toEqual(['fill:Deployment host country', 'square:Headquarters site', `arc:${LEGEND_TEXT.arcs}`, `ring:${LEGEND_TEXT.pulse}`,
      `fill:${LEGEND_TEXT.nato}`]);
  });

  test('postureLegendEntries() lists no arcs for a meeting\'s attendees: the map draws none', () => {
    expect(texts({ id: 'm', category: 'meeting', start: '2024-10-17', place: { country: 'BE' }, actors: ['AU', 'NZ'] }))
      .toEqual([`fill:${LEGEND_TEXT.nato}`]);
  });
});
