// What a place stands for beyond its point: the countries it covers.

/** The countries of a place: each member of a region ("the Baltics"), else its own country; none for open sea. */
export function countriesOf(place: { country: string | null; countries?: readonly string[] }): string[] {
  if (place.countries?.length) return [...new Set(place.countries)];
  return place.country ? [place.country] : [];
}
