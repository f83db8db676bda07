// Cuts country polygons at the 180° meridian, so that a flat map (Leaflet) draws no line across the world.

/** [longitude, latitude] */
export type Position = [number, number];
export type Ring = Position[];
/** An outer ring and its holes. */
export type Polygon = Ring[];

/** The ring with each step's longitude kept within 180° of the last, so a ring across the meridian runs past ±180 instead of jumping. */
export function unwrapRing(ring: Ring): Ring {
  const out: Ring = [];
  let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon, lat] = ring[i];
    if (i) {
      const prev = ring[i - 1][0];
      if (lon - prev > 180) shift -= 360;
      else if (prev - lon > 180) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  return out;
}

/** The part of a ring on one side of the meridian `at` (Sutherland–Hodgman against one line), closed; null when nothing is left. */
export function clipRing(ring: Ring, at: number, keepWest: boolean): Ring | null {
  const inside = (p: Position) => (keepWest ? p[0] <= at : p[0] >= at);
  const cross = (a: Position, b: Position): Position => [at, a[1] + ((b[1] - a[1]) * (at - a[0])) / (b[0] - a[0])];
  const open = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
  const out: Ring = [];
  for (let i = 0; i < open.length; i++) {
    const cur = open[i];
    const prev = open[(i + open.length - 1) % open.length];
    if (inside(cur)) {
      if (!inside(prev)) out.push(cross(prev, cur));
      out.push(cur);
    } else if (inside(prev)) out.push(cross(prev, cur));
  }
  if (out.length < 3) return null;
  out.push([out[0][0], out[0][1]]);
  return out;
}

const mean = (r: Ring) => r.reduce((s, p) => s + p[0], 0) / r.length;
const shifted = (r: Ring, by: number): Ring => r.map(([lon, lat]) => [lon + by, lat]);

/**
 * One polygon as one or more polygons within [-180, 180]: unwrapped, cut at +180 and -180, and the parts beyond
 * moved back by 360°. Holes follow their outer ring to the same side.
 */
export function cutPolygon(polygon: Polygon): Polygon[] {
  if (!polygon.length) return [];
  const outer = unwrapRing(polygon[0]);
  const centre = mean(outer);
  // a hole unwrapped from another start may sit a whole turn away from its outer ring
  const holes = polygon.slice(1).map((h) => {
    const u = unwrapRing(h);
    return shifted(u, 360 * Math.round((centre - mean(u)) / 360));
  });
  const rings = [outer, ...holes];
  const lons = outer.map((p) => p[0]);
  const [min, max] = [Math.min(...lons), Math.max(...lons)];
  if (min >= -180 && max <= 180) return [rings];
  const parts: Array<{ at: number; keepWest: boolean; by: number }> =
    max > 180 ? [{ at: 180, keepWest: true, by: 0 }, { at: 180, keepWest: false, by: -360 }] : [{ at: -180, keepWest: false, by: 0 }, { at: -180, keepWest: true, by: 360 }];
  const out: Polygon[] = [];
  for (const part of parts) {
    const [o, ...hs] = rings.map((r) => clipRing(r, part.at, part.keepWest));
    if (!o) continue;
    out.push([shifted(o, part.by), ...hs.filter((h): h is Ring => h !== null).map((h) => shifted(h, part.by))]);
  }
  return out;
}
