import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../scripts/gazetteer-load.ts';
import type { Gazetteer } from '../../src/pipeline/gazetteer.ts';
import { findPersonNames } from '../../src/pipeline/places/person-names.ts';
import { tokenise } from '../../src/pipeline/places/tokens.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = loadGazetteer();
});

function persons(text: string): { names: string[]; surnames: string[] } {
  const found = findPersonNames(text, [tokenise(text, 0, text.length)], gazetteer, 1_000_000);
  return { names: found.spans.map((s) => text.slice(s.start, s.end)), surnames: [...found.surnames] };
}

describe('findPersonNames', () => {
  it('findPersonNames() finds names after titles, skipping stacked titles', () => {
    expect(persons('NATO Secretary General Mark Rutte spoke before President Zelensky.').names).toEqual(['Mark Rutte', 'Zelensky']);
  });

  it('findPersonNames() finds a given name and a surname, and remembers every word of the name', () => {
    const found = persons('Secretary of Defense Lloyd Austin reaffirmed the commitment; Ben Wallace agreed.');
    expect(found.names).toEqual(['Lloyd Austin', 'Ben Wallace']);
    expect(found.surnames).toEqual(expect.arrayContaining(['Austin', 'Wallace']));
  });

  it('findPersonNames() leaves an adjectival form of several words alone though it starts with a given name', () => {
    expect(persons('The Costa Rican navy met Sierra Leonean doctors.').names).toEqual([]);
  });

  it('findPersonNames() reads no person into a street named after one, nor into the words of a title-case headline', () => {
    expect(persons('A crash closed Old Warren Hartsville Road on Monday.').surnames).not.toContain('Hartsville');
    expect(persons('Oligarch Petrov Visits Tambov Gallery').surnames).not.toContain('Tambov');
    // Outside a headline two such words are still a person.
    expect(persons('The oligarch Dmitri Petrov visits the gallery.').names).toEqual(['Dmitri Petrov']);
  });

  it('findPersonNames() takes two ordinary capitalised words that are no known place for a name', () => {
    expect(persons("Mississippi State's Marisol Jenkins hit the tying shot.").names).toEqual(['Marisol Jenkins']);
  });

  it('findPersonNames() leaves multi-word place names alone even when they start with a given name', () => {
    expect(persons('Flights to North Carolina, Santa Barbara and Velyka Novosilka resumed.').names).toEqual([]);
  });

  it('findPersonNames() leaves a country, a big city or an adjective of a country before a word alone', () => {
    expect(persons('Georgia Tech beat Seattle Seahawks while Philippine Sports officials watched.').names).toEqual([]);
  });

  it('findPersonNames() takes two small towns side by side with nothing between them for a name', () => {
    expect(persons('Hughes Morgan, second secretary at the embassy, spoke.').names).toEqual(['Hughes Morgan']);
  });
});
