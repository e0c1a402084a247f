// A place as the panel shows it: name, country, coordinates, and which gazetteer placed it; countries by name.
import type { Place } from '../../model/index.ts';

/** Who placed it, said so a reader knows what that is ("Natural Earth" alone says nothing). */
const GAZETTEER_NAMES: Record<Place['gazetteer'], string> = {
  geonames: 'the GeoNames gazetteer of place names', naturalearth: "Natural Earth's map of countries and regions",
  curated: "Flankline's curated list of sites", census: "the US Census Bureau's place list", analyst: 'an analyst, by hand',
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
  if (place.countries && place.countries.length > 0) return place.countries.map(countryName).join(', ');
  return place.country ? countryName(place.country) : 'no country';
}

/** "Estonia (country; exact place not stated)", "Tapa (city)". */
export function formatPlaceName(place: Pick<Place, 'name' | 'kind'>): string {
  if (place.kind === 'country' || place.kind === 'region') return `${place.name} (${place.kind}; exact place not stated)`;
  return `${place.name} (${place.kind})`;
}

const regionNames = typeof Intl !== 'undefined' && 'DisplayNames' in Intl ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

/** "Georgia" for GE, "Germany" for DE: an ISO code reads as a guess ("GE" looks like Germany). The code if unknown. */
export function countryName(code: string): string {
  try {
    const name = regionNames?.of(code.toUpperCase());
    return name && name !== code.toUpperCase() ? name : code;
  } catch {
    return code;
  }
}

export function formatGazetteer(place: Place): string {
  const name = GAZETTEER_NAMES[place.gazetteer];
  return place.geonameId === undefined ? name : `${name} (entry ${place.geonameId})`;
}
