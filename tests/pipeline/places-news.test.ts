// Places in news written the way wire services and local papers write them, resolved with the real gazetteer: the
// readings a reader of another corpus than the development ones would see go wrong.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../scripts/gazetteer-load.ts';
import type { Gazetteer } from '../../src/pipeline/gazetteer.ts';
import { recognise } from '../../src/pipeline/recognise.ts';
import { resolve } from '../../src/pipeline/resolve.ts';
import { segment } from '../../src/pipeline/segment.ts';
import type { IngestedDocument, ResolvedMention } from '../../src/pipeline/types.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = loadGazetteer();
});

function resolved(text: string): ResolvedMention[] {
  const doc: IngestedDocument = { file: 'news.txt', title: 'news', credit: null, published: null, text, boilerplate: [] };
  return resolve(recognise(doc, segment(doc), gazetteer), doc, gazetteer);
}

const entryOf = (mentions: ResolvedMention[], text: string) => mentions.find((m) => m.text === text)?.entry;

describe('places in news', () => {
  it('resolve() reads "Congo" and "eastern Congo" as DR Congo, the larger of the two Congos, unless the story is in the other', () => {
    const east = resolved('Militia fighters burned three villages in eastern Congo overnight, a UN spokeswoman said.');
    expect(east.map((m) => m.entry?.id)).toContain('dir:eastern:CD');
    expect(resolved('Floods cut roads in northern Congo, officials in Brazzaville said.').map((m) => m.entry?.id)).toContain('dir:northern:CG');
    expect(entryOf(resolved('Congo reported its first measles deaths of the year on Tuesday.'), 'Congo')).toMatchObject({ kind: 'country', country: 'CD' });
    expect(entryOf(resolved('Vote counting began across Congo after polls closed in Brazzaville.'), 'Congo')).toMatchObject({ kind: 'country', country: 'CG' });
  });
});
