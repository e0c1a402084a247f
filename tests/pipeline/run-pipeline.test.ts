import { beforeAll, describe, expect, it } from 'vitest';
import { loadResources } from './resources.ts';
import { runPipeline, type PipelineInput } from '../../src/pipeline/index.ts';
import { RECOGNISE_DEFAULTS } from '../../src/pipeline/recognise.ts';
import { report } from '../../src/pipeline/report.ts';
import type { PipelineResources } from '../../src/pipeline/index.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const meta = (file: string, published: string | null) => ({ file, title: file, credit: null, published });
let resources: PipelineResources;
beforeAll(() => {
  resources = loadResources();
});

describe('runPipeline', () => {
  it('runPipeline() reports a bad document in its outcome and still produces the others\' events', () => {
    const inputs: PipelineInput[] = [
      { file: 'bad.txt', bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x41]), meta: meta('bad.txt', null) },
      { file: 'good.txt', bytes: bytes('Russian drones violated Romanian airspace on 13 September 2025.'), meta: meta('good.txt', '2025-09-14') },
    ];
    const result = runPipeline(inputs, resources);
    expect(result.outcomes[0].error).toMatch(/^bad\.txt: /);
    expect(result.outcomes[1].error).toBeNull();
    expect(result.documents.map((d) => d.file)).toEqual(['good.txt']);
    expect(result.events.map((e) => [e.category, e.entry.country, e.start])).toEqual([['incursion', 'RO', '2025-09-13']]);
  });

  it('runPipeline() runs the stages in order and tells the caller after each', () => {
    const seen: string[] = [];
    runPipeline([{ file: 'a.txt', bytes: bytes('Ministers met in Vienna on 3 March 2025.') }], resources, { onStage: (t) => seen.push(t.stage) });
    expect(seen).toEqual(['ingest', 'segment', 'language', 'dates', 'recognise', 'resolve', 'events', 'merge']);
  });

  it('runPipeline() counts what each document yielded and the report says why a document produced nothing', () => {
    const result = runPipeline([
      { file: 'quiet.txt', bytes: bytes('The weather in Vienna was mild and people walked in the parks.') },
      { file: 'undated.txt', bytes: bytes('Ministers met in Vienna to discuss the budget.') },
    ], resources);
    const [quiet, undated] = result.outcomes;
    expect(quiet.mentionsFound).toBeGreaterThan(0);
    expect([quiet.triggers, quiet.events.length]).toEqual([0, 0]);
    expect([undated.events.length, undated.undated.length]).toEqual([0, 1]);
    const md = report(result);
    expect(md).toMatch(/### quiet\.txt[\s\S]*Nothing on the timeline: no event words/);
    expect(md).toMatch(/### undated\.txt[\s\S]*undated meeting: "met" at Vienna[\s\S]*Nothing on the timeline: events found but undated/);
  });

  it('runPipeline() lists every recognised mention for evaluation, resolved or not, with its document', () => {
    const result = runPipeline([{ file: 'a.txt', bytes: bytes('Ministers met in Vienna on 3 March 2025.') }], resources);
    expect(result.mentions).toHaveLength(1);
    const vienna = result.mentions[0].mentions.find((m) => m.text === 'Vienna')!;
    expect([vienna.name, vienna.country]).toEqual(['Vienna', 'AT']);
  });

  it('runPipeline() writes each mention\'s id, confidence and runners-up, and reads no demonym when told not to', () => {
    const inputs = [{ file: 'a.txt', bytes: bytes('Polish officials met in Paris on 3 March 2025.') }];
    const on = runPipeline(inputs, resources).mentions[0].mentions;
    expect(on.map((m) => m.text)).toEqual(['Polish', 'Paris']);
    const paris = on[1];
    expect(paris).toMatchObject({ id: expect.stringMatching(/^gn:/), country: 'FR' });
    expect(paris.confidence).toBeGreaterThan(0.5);
    expect(paris.alternatives!.length).toBeGreaterThan(0);
    expect(paris.alternatives![0]).toMatchObject({ id: expect.any(String), name: expect.any(String), score: expect.any(Number) });
    const off = runPipeline(inputs, resources, { recognise: { ...RECOGNISE_DEFAULTS, demonyms: false } }).mentions[0].mentions;
    expect(off.map((m) => m.text)).toEqual(['Paris']);
  });
});
