// The pipeline's two parts: processDocument, one document through every stage as plain data, and the merge over
// the documents' results; runPipeline is the two run in memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResources } from './resources.ts';
import type { PipelineResources } from '../../src/pipeline/index.ts';
import { assembleRun, DOCUMENT_STAGES, duplicateResult, releaseModels, mergeDocuments, processDocument, runPipeline, STAGE_NAMES, type PipelineInput } from '../../src/pipeline/index.ts';
import { write } from '../../src/pipeline/write.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const INPUTS: PipelineInput[] = [
  { file: 'a.txt', bytes: bytes('Talks\nNATO defence ministers met in Brussels on 15 October 2025.'), meta: { file: 'a.txt', title: 'Talks', credit: 'AFP', published: '2025-10-15' } },
  { file: 'b.txt', bytes: bytes('Drones\nRussian drones violated Polish airspace near Rzeszow on 10 September 2025. Ministers met in Brussels on 15 October 2025.') },
  { file: 'c.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) },
];
let resources: PipelineResources;
beforeAll(() => {
  resources = loadResources();
});
const filesOf = (r: ReturnType<typeof runPipeline>) => {
  const f = write(r.events, r.documents, r.mentions);
  return [f.events, f.documents, f.mentions, Buffer.from(f.bin).toString('base64'), JSON.stringify(f.parts)];
};

describe('processDocument and the merge', () => {
  it('processDocument() results survive JSON and structured cloning, and the merge of them writes what runPipeline() writes', () => {
    const direct = filesOf(runPipeline(INPUTS, resources));
    const viaJson = INPUTS.map((i) => JSON.parse(JSON.stringify(processDocument(i, resources))));
    const viaClone = INPUTS.map((i) => structuredClone(processDocument(i, resources)));
    expect(filesOf(assembleRun(viaJson))).toEqual(direct);
    expect(filesOf(assembleRun(viaClone))).toEqual(direct);
    expect(mergeDocuments(viaJson)).toEqual(runPipeline(INPUTS, resources).events);
  });

  it('processDocument() calls betweenStages after every stage with the text length and the stages left, with the same result', () => {
    const calls: [number, number][] = [];
    const plain = processDocument(INPUTS[1], resources);
    const watched = processDocument(INPUTS[1], resources, { betweenStages: (chars, left) => calls.push([chars, left]) });
    expect(calls).toEqual(DOCUMENT_STAGES.map((_, i) => [plain.document!.text.length, DOCUMENT_STAGES.length - 1 - i]));
    expect(watched).toEqual(plain);
  });

  it('releaseModels() lets the tagger and chrono go, and the next document loads them again with the same result', () => {
    const before = processDocument(INPUTS[1], resources);
    releaseModels();
    expect(processDocument(INPUTS[1], resources)).toEqual(before);
  });

  it('processDocument() with mentions: false makes no mention records and the same outcome, document and events', () => {
    const full = processDocument(INPUTS[1], resources);
    const lean = processDocument(INPUTS[1], resources, { mentions: false });
    expect(full.mentions.length).toBeGreaterThan(0);
    expect(full.withoutMentions).toBeUndefined();
    expect(lean).toEqual({ ...full, mentions: [], withoutMentions: true });
  });

  it('processDocument() reports a document that cannot be read in its outcome instead of throwing', () => {
    const result = processDocument(INPUTS[2], resources);
    expect(result.outcome.error).toBe('c.txt: looks binary, not a text document');
    expect([result.document, result.mentions, result.outcome.events]).toEqual([null, [], []]);
  });

  it('processDocument() times each stage with the clock it is given, and none without one', () => {
    let t = 0;
    const timed = processDocument(INPUTS[0], resources, { now: () => (t += 1) });
    expect(timed.stageMs).toEqual(STAGE_NAMES.slice(0, -1).map(() => 1));
    expect(processDocument(INPUTS[0], resources).stageMs.every((ms) => ms === 0)).toBe(true);
  });

  it('assembleRun() reports the stages in their order and a repeated document as read once', () => {
    const seen: string[] = [];
    const results = [processDocument(INPUTS[0], resources), duplicateResult({ ...INPUTS[0], file: 'copy.txt' }, 'a.txt')];
    const run = assembleRun(results, { onStage: (t) => seen.push(t.stage) });
    expect(seen).toEqual(['ingest', ...DOCUMENT_STAGES.map((s) => s.name), 'merge']);
    expect(run.outcomes[1].error).toBe('copy.txt: same content as a.txt, which is read instead (a duplicate counts once)');
    expect(run.documents.map((d) => d.file)).toEqual(['a.txt']);
  });
});
