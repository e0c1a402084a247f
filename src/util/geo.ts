// Distances on the globe, one implementation for the pipeline and the tools (turf's haversine, mean earth radius).
import turfDistance from '@turf/distance';

/** Great-circle distance in km between two points given as { lat, lon } in degrees. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return turfDistance([a.lon, a.lat], [b.lon, b.lat], { units: 'kilometers' });
}
