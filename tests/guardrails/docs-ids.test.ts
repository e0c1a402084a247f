// The event ids the docs use as examples are ids the seeds really produce (npm run geocode), so a reader who copies a
// link or a postMessage from docs/embedding.md sees an event, not "this event is not in the data".
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readCorpus } from '../../scripts/corpus.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { toCollection } from '../../src/pipeline/write.ts';
import { loadResources } from '../pipeline/resources.ts';

const ID = /\b(?:meeting|deployment|mission|headquarters|incursion|incident|strike|advance|aid|other)-(?:gn\d+|ne-[a-z]{2}|cur-[a-z-]+?)-\d{4}-\d{2}-\d{2}\b/g;

describe('ids in the docs', () => {
  test('every event id docs/embedding.md names is an id of the seeds\' events', { timeout: 120_000 }, () => {
    const named = [...new Set(readFileSync('docs/embedding.md', 'utf8').match(ID) ?? [])];
    expect(named.length).toBeGreaterThanOrEqual(2);
    const ids = new Set(toCollection(runPipeline(readCorpus('seeds', 50).inputs, loadResources()).events).features.map((f) => f.id));
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });
});
