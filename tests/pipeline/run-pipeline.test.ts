import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../scripts/gazetteer-load.ts';
import { runPipeline, type PipelineInput } from '../../src/pipeline/index.ts';
import { report } from '../../src/pipeline/report.ts';
import type { Gazetteer } from '../../src/pipeline/gazetteer.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const meta = (file: string, published: string | null) => ({ file, title: file, credit: null, published });
let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = loadGazetteer();
});

describe('runPipeline', () => {
  it('runPipeline() reports a bad document in its outcome and still produces the others\' events', () => {
    const inputs: PipelineInput[] = [
      { file: 'bad.txt', bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x41]), meta: meta('bad.txt', null) },
      { file: 'good.txt', bytes: bytes('Russian drones violated Romanian airspace on 13 September 2025.'), meta: meta('good.txt', '2025-09-14') },
    ];
    const result = runPipeline(inputs, gazetteer);
    expect(result.outcomes[0].error).toMatch(/^bad\.txt: /);
    expect(result.outcomes[1].error).toBeNull();
    expect(result.documents.map((d) => d.file)).toEqual(['good.txt']);
    expect(result.events.map((e) => [e.category, e.entry.country, e.start])).toEqual([['incursion', 'RO', '2025-09-13']]);
  });

  it('runPipeline() runs the stages in order and tells the caller after each', () => {
    const seen: string[] = [];
    runPipeline([{ file: 'a.txt', bytes: bytes('Ministers met in Vienna on 3 March 2025.') }], gazetteer, { onStage: (t) => seen.push(t.stage) });
    expect(seen).toEqual(['ingest', 'segment', 'dates', 'recognise', 'resolve', 'triggers', 'events', 'merge']);
  });

  it('runPipeline() counts what each document yielded and the report says why a document produced nothing', () => {
    const result = runPipeline([
      { file: 'quiet.txt', bytes: bytes('The weather in Vienna was mild and people walked in the parks.') },
      { file: 'undated.txt', bytes: bytes('Ministers met in Vienna to discuss the budget.') },
    ], gazetteer);
    const [quiet, undated] = result.outcomes;
    expect(quiet.mentionsFound).toBeGreaterThan(0);
    expect([quiet.triggers, quiet.events.length]).toEqual([0, 0]);
    expect([undated.events.length, undated.undated.length]).toEqual([0, 1]);
    const md = report(result);
    expect(md).toMatch(/### quiet\.txt[\s\S]*Nothing on the timeline: no event words/);
    expect(md).toMatch(/### undated\.txt[\s\S]*undated meeting: "met" at Vienna[\s\S]*Nothing on the timeline: events found but undated/);
  });

  it('runPipeline() lists every recognised mention for evaluation, resolved or not, with its document', () => {
    const result = runPipeline([{ file: 'a.txt', bytes: bytes('Ministers met in Vienna on 3 March 2025.') }], gazetteer);
    expect(result.mentions).toHaveLength(1);
    const vienna = result.mentions[0].mentions.find((m) => m.text === 'Vienna')!;
    expect([vienna.name, vienna.country]).toEqual(['Vienna', 'AT']);
  });
});
