// A place as the panel shows it: name, country, coordinates, and which gazetteer placed it.
import type { Place } from '../../model/index.ts';

const GAZETTEER_NAMES: Record<Place['gazetteer'], string> = {
  geonames: 'GeoNames', naturalearth: 'Natural Earth', curated: 'Flankline curated list', analyst: 'an analyst, by hand',
};

/** "50.4547° N, 30.5238° E" (hemisphere letters, no signs, 4 decimals ~ 10 m). */
export function formatCoordinates(lon: number, lat: number): string {
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lon >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(4)}° ${ns}, ${Math.abs(lon).toFixed(4)}° ${ew}`;
}

export function formatCountries(place: Place): string {
  if (place.countries && place.countries.length > 0) return place.countries.join(', ');
  return place.country ?? 'no country';
}

export function formatGazetteer(place: Place): string {
  const name = GAZETTEER_NAMES[place.gazetteer];
  return place.geonameId === undefined ? name : `${name} #${place.geonameId}`;
}
