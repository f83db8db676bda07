// The world map: countries from world-atlas (no tile server, nothing fetched from elsewhere) and events as circles coloured by quad class, sized by corroboration.
import * as L from "leaflet";
import "leaflet/dist/leaflet.css";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlasUrl from "world-atlas/countries-110m.json?url";
import { cutPolygon, type Polygon } from "../../src/server/web-shared/antimeridian.js";
import type { ClusterRecord } from "./api-types.js";
import { cameoName } from "./cameo.js";
import { ALPHA3_OF_NUMERIC, countryName } from "./countries.js";
import { h } from "./dom.js";
import { quadOf } from "./quad.js";

/** ISO numeric of Antarctica: left out, its polygon wraps the pole and fills the map's bottom. */
const ANTARCTICA = "010";
const WORLD: L.LatLngBoundsExpression = [[-58, -180], [80, 180]];

/** Circle radius in pixels: grows with the independent sources of the cluster (corroboration), then its reports. */
export function radiusOf(c: ClusterRecord): number {
  return Math.round(5 + 4 * Math.log2(Math.max(1, c.sources.length)) + Math.min(4, Math.log2(Math.max(1, c.reports))));
}

let countriesGeo: Promise<GeoJSON.FeatureCollection> | null = null;

/** The countries, cut at the 180° meridian; fetched once from this origin (the file is a build asset). */
function loadCountries(): Promise<GeoJSON.FeatureCollection> {
  return (countriesGeo ??= fetch(atlasUrl)
    .then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>)
    .then((topo) => {
      const fc = feature(topo, topo.objects.countries) as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, { name: string }>;
      const features = fc.features
        .filter((f) => f.id !== ANTARCTICA && f.geometry)
        .map((f) => {
          const polys = (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates) as Polygon[];
          const cut = polys.flatMap(cutPolygon);
          return { ...f, geometry: { type: "MultiPolygon" as const, coordinates: cut } };
        });
      return { type: "FeatureCollection" as const, features };
    }));
}

export interface EventMap {
  setClusters(clusters: readonly ClusterRecord[]): void;
  /** Centres on a cluster's circle and opens its label. */
  focus(cluster: number): void;
  /** Shades the countries the filter names. */
  setCountries(iso3: readonly string[]): void;
  /** The view's centre and its radius in km (for the `near` filter). */
  view(): { lat: number; lon: number; km: number };
  /** Stops the map (its listeners on the window), when the page goes. */
  remove(): void;
}

/** A map in `el`; clicking a country calls onCountry(ISO3), clicking a circle calls onEvent(cluster). */
export function createMap(el: HTMLElement, onCountry: (iso3: string) => void, onEvent: (c: ClusterRecord) => void): EventMap {
  const map = L.map(el, { worldCopyJump: false, minZoom: 1, maxZoom: 10, attributionControl: false, zoomSnap: 0.5, maxBounds: [[-85, -200], [85, 200]] }).setView([10, 20], 2);
  const countries = map.createPane("countries");
  countries.style.zIndex = "300";
  const markers = L.layerGroup().addTo(map);
  let zooming = false;
  map.on("zoomstart", () => (zooming = true));
  map.on("zoomend", () => (zooming = false));
  const byCluster = new Map<number, L.CircleMarker>();
  let selected = new Set<string>();
  let geo: L.GeoJSON | null = null;
  const style = (f?: GeoJSON.Feature): L.PathOptions => {
    const on = selected.has(ALPHA3_OF_NUMERIC.get(String(f?.id)) ?? "");
    return { className: "country", weight: on ? 1.5 : 0.6, color: on ? "#444" : "#8a8f98", fillColor: on ? "#d9d2bd" : "#e8e6df", fillOpacity: 1 };
  };

  loadCountries().then((fc) => {
    geo = L.geoJSON(fc, {
      pane: "countries",
      style,
      onEachFeature: (f, layer) => {
        const iso3 = ALPHA3_OF_NUMERIC.get(String(f.id));
        // a DOM node, not a string: Leaflet would parse a string as HTML
        layer.bindTooltip(h("span", null, iso3 ? `${countryName(iso3)} (${iso3})` : String((f.properties as { name?: string })?.name ?? "")), { sticky: true });
        if (iso3) layer.on("click", () => onCountry(iso3));
      },
    }).addTo(map);
    el.dataset.countries = "drawn";
  });

  return {
    setClusters(clusters) {
      markers.clearLayers();
      byCluster.clear();
      const points: L.LatLngExpression[] = [];
      for (const c of clusters) {
        const l = c.event.location;
        if (!l || l.lat === null || l.lon === null) continue;
        const q = quadOf(c.event.quad);
        const m = L.circleMarker([l.lat, l.lon], { radius: radiusOf(c), color: "#222", weight: 1, fillColor: q.colour, fillOpacity: 0.75, className: `event-marker quad-${c.event.quad}` });
        m.bindTooltip(h("span", null, `${c.event.code} ${cameoName(c.event.code)} · ${l.name} · ${c.event.date ?? ""} · ${c.sources.length} source(s)`));
        m.on("click", () => onEvent(c));
        m.addTo(markers);
        byCluster.set(c.cluster, m);
        points.push([l.lat, l.lon]);
      }
      el.dataset.markers = String(byCluster.size);
      if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.5), { maxZoom: 5 });
      else map.fitBounds(WORLD);
    },
    focus(cluster) {
      const m = byCluster.get(cluster);
      if (!m) return;
      map.setView(m.getLatLng(), Math.max(map.getZoom(), 4));
      m.openTooltip();
    },
    setCountries(iso3) {
      selected = new Set(iso3);
      geo?.setStyle(style);
    },
    view() {
      const c = map.getCenter();
      return { lat: +c.lat.toFixed(3), lon: +c.lng.toFixed(3), km: Math.max(1, Math.round(c.distanceTo(map.getBounds().getNorthEast()) / 1000)) };
    },
    // not in the middle of an animated zoom: Leaflet finishes it on a timer that would then read the removed
    // panes ("Cannot read properties of undefined (reading '_leaflet_pos')"); the map goes when it has ended
    remove: () => (zooming ? map.once("moveend", () => map.remove()) : map.remove()),
  };
}
