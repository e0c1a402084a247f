// A place as the panel shows it: name, country, coordinates, and which gazetteer placed it.
import type { Place } from '../../model/index.ts';

const GAZETTEER_NAMES: Record<Place['gazetteer'], string> = {
  geonames: 'GeoNames', naturalearth: 'Natural Earth', curated: 'Flankline curated list', census: 'US Census Bureau',
  analyst: 'an analyst, by hand',
};

/** "50.4547° N, 30.5238° E" (hemisphere letters, no signs, 4 decimals ~ 10 m). */
export function formatCoordinates(lon: number, lat: number): string {
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lon >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(4)}° ${ns}, ${Math.abs(lon).toFixed(4)}° ${ew}`;
}

/**
 * Where a place is, at the precision its kind has: a town or site to 4 decimals; a country or region, whose point
 * is only a convention (GeoNames' centre, a sea's middle), in whole degrees and said to be one.
 */
export function formatPlacePoint(place: Pick<Place, 'kind'>, lon: number, lat: number): string {
  if (place.kind !== 'country' && place.kind !== 'region') return formatCoordinates(lon, lat);
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lon >= 0 ? 'E' : 'W';
  return `about ${Math.abs(Math.round(lat))}° ${ns}, ${Math.abs(Math.round(lon))}° ${ew} (a representative point of the ${place.kind})`;
}

export function formatCountries(place: Place): string {
  if (place.countries && place.countries.length > 0) return place.countries.join(', ');
  return place.country ?? 'no country';
}

export function formatGazetteer(place: Place): string {
  const name = GAZETTEER_NAMES[place.gazetteer];
  return place.geonameId === undefined ? name : `${name} #${place.geonameId}`;
}
