// The one Web Mercator projection (EPSG:3857) the code needs: deck.gl's common space, 512 units around the world at
// zoom 0 (MapLibre's and deck.gl's tile size), x east from the antimeridian, y north from the south edge. A unit is
// 2^zoom screen pixels. Written here, not imported from @math.gl/web-mercator: that package brings its matrix
// library into the page's first load for these three lines.

/** Mercator stops here: beyond, the poles are infinitely far. */
export const MAX_LATITUDE = 85.0511287798;
const WORLD_UNITS = 512;

/** Common-space x, y of a longitude and latitude (degrees), written to `out`; latitudes are clamped to the map's. */
export function worldOf(lon: number, lat: number, out: [number, number] | Float64Array): [number, number] | Float64Array {
  const phi = (Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180;
  out[0] = ((lon + 180) / 360) * WORLD_UNITS;
  out[1] = ((Math.PI + Math.log(Math.tan(Math.PI / 4 + phi / 2))) / (2 * Math.PI)) * WORLD_UNITS;
  return out;
}
