// GeoJSON (RFC 7946) of events and clusters: one Point feature per located event, the record as its properties.
import type { CodedEvent } from "../core/types.js";

export interface Feature {
  type: "Feature";
  id: string | number;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

/** A FeatureCollection; `next` (the cursor) and `unlocated` (rows without coordinates, left out) are foreign members. */
export interface FeatureCollection {
  type: "FeatureCollection";
  features: Feature[];
  next: string | null;
  unlocated: number;
}

/** The feature of an event's place, or null when it has no coordinates. */
export function eventFeature(e: CodedEvent, id: string | number, properties: Record<string, unknown>): Feature | null {
  const lat = e.location?.lat;
  const lon = e.location?.lon;
  if (typeof lat !== "number" || typeof lon !== "number" || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  // GeoJSON orders longitude first
  return { type: "Feature", id, geometry: { type: "Point", coordinates: [lon, lat] }, properties };
}

export function featureCollection<T>(rows: readonly T[], toFeature: (r: T) => Feature | null, next: string | null): FeatureCollection {
  const features: Feature[] = [];
  for (const r of rows) {
    const f = toFeature(r);
    if (f) features.push(f);
  }
  return { type: "FeatureCollection", features, next, unlocated: rows.length - features.length };
}
