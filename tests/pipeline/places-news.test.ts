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
const stateOf = (mentions: ResolvedMention[], text: string) => {
  const e = entryOf(mentions, text);
  return e ? `${e.country}.${gazetteer.admin1Code(e.id)}` : null;
};

describe('places in news', () => {
  it('resolve() reads "Congo" and "eastern Congo" as DR Congo, the larger of the two Congos, unless the story is in the other', () => {
    const east = resolved('Militia fighters burned three villages in eastern Congo overnight, a UN spokeswoman said.');
    expect(east.map((m) => m.entry?.id)).toContain('dir:eastern:CD');
    expect(resolved('Floods cut roads in northern Congo, officials in Brazzaville said.').map((m) => m.entry?.id)).toContain('dir:northern:CG');
    expect(entryOf(resolved('Congo reported its first measles deaths of the year on Tuesday.'), 'Congo')).toMatchObject({ kind: 'country', country: 'CD' });
    expect(entryOf(resolved('Vote counting began across Congo after polls closed in Brazzaville.'), 'Congo')).toMatchObject({ kind: 'country', country: 'CG' });
  });

  it('resolve() reads "the Valencia region" as the Spanish subdivision, not a town of the name, and names only "Valencia"', () => {
    const found = resolved('Firefighters battled a blaze in the Valencia region for a third day.');
    expect(found.map((m) => m.text)).toEqual(['Valencia']);
    expect(found[0].entry).toMatchObject({ featureCode: 'ADM1', country: 'ES' });
    // A unit the subdivision is also found without stays outside the mention, capitalised or not.
    expect(resolved('Rescuers dug through rubble in Sichuan Province.').map((m) => [m.text, m.entry?.featureCode])).toEqual([['Sichuan', 'ADM1']]);
  });

  it('resolve() reads "Dnipro" alone as the city and "the Dnipro" as the river', () => {
    expect(entryOf(resolved('A drone hit a tram depot in Dnipro, the mayor said.'), 'Dnipro')).toMatchObject({ kind: 'city', country: 'UA' });
    expect(entryOf(resolved('Barges carried grain down the Dnipro toward the sea.'), 'Dnipro')).toMatchObject({ featureCode: 'STM' });
  });

  it('resolve() reads a county named in three states as the largest, and as the one in the state the story is about', () => {
    expect(stateOf(resolved('A Cook County jury convicted the former alderman on Friday.'), 'Cook County')).toBe('US.IL');
    expect(stateOf(resolved('Cook County deputies searched a pond near Adel after a tip from Valdosta police.'), 'Cook County')).toBe('US.GA');
  });

  it('resolve() reads an ambiguous town beside a sure one as its neighbour ("Cambridge" with Boston)', () => {
    const found = resolved('Cambridge firefighters rescued two students from a stalled elevator on Sunday, and Boston crews sent a ladder truck.');
    expect(stateOf(found, 'Cambridge')).toBe('US.MA');
    expect(stateOf(found, 'Boston')).toBe('US.MA');
  });

  it('recognise() reads no town in the first word of a foreign name the gazetteer lacks ("the Palacio de Bellas Artes")', () => {
    // "Palacio" is another name of El Palacio, a village in the State of Mexico.
    expect(resolved('Tourists queued at the Palacio de Bellas Artes.').map((m) => m.text)).toEqual([]);
  });

  it('resolve() reads a city\'s English name as the city, not a far smaller town that bears it ("Geneva")', () => {
    expect(entryOf(resolved('Negotiators met in Geneva for a second day of talks.'), 'Geneva')).toMatchObject({ country: 'CH' });
    // A former name is no spelling of the city's: "Canton" was Guangzhou's.
    expect(entryOf(resolved('Canton police said two cars collided on Tuesday.'), 'Canton')).toMatchObject({ country: 'US' });
    // The town of that very name where the story is.
    expect(stateOf(resolved('Geneva firefighters saved a barn; crews from Auburn and Syracuse helped.'), 'Geneva')).toBe('US.NY');
  });

  it('recognise() reads the state in a state agency named after a road ("the California Highway Patrol")', () => {
    const found = resolved('A trooper was hurt on Interstate 10 near Ontario on Sunday, the California Highway Patrol said.');
    expect(stateOf(found, 'California')).toBe('US.CA');
    expect(stateOf(found, 'Ontario')).toBe('US.CA');
  });

  it('recognise() reads a one-word town that is also a given name before its council\'s members ("Franklin aldermen")', () => {
    expect(stateOf(resolved('Franklin aldermen voted on Tuesday to widen a road toward Nashville.'), 'Franklin')).toBe('US.TN');
  });
});
