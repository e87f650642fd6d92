/**
 * The one module that imports Leaflet (DESIGN.md: platform libraries wrapped once). Screens never
 * import it directly: MapView loads it with import() when a map is actually on screen, so the
 * customer's menu never downloads it.
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { balanceIsolates } from '../domain/bidi';
import type { DeliveryZones } from '../domain/deliveryZones';
import type { LatLng, Position } from '../domain/geo';
import type { MapConfigSchema } from '../protocol/delivery';
import type { z } from 'zod/mini';

export type MapConfig = z.output<typeof MapConfigSchema>;

/** What a map shows; every field is redrawn as a whole when it changes (a few dozen shapes at most). */
export interface MapScene {
  shop?: LatLng | null;
  /** The customer's pin. */
  pin?: LatLng | null;
  zones?: DeliveryZones | null;
  /** A polygon being drawn: its corners so far, [lng, lat]. */
  draft?: Position[];
  /** Numbered stops (the day's deliveries), in visiting order. */
  stops?: { at: LatLng; n: number; title: string }[];
}

export interface MapEvents {
  onClick?: (p: LatLng) => void;
  onShopMoved?: (p: LatLng) => void;
  onPinMoved?: (p: LatLng) => void;
  /** 'failed' while no tile has loaded since the last error: the map area says so. */
  onTiles?: (state: 'ok' | 'failed') => void;
}

export interface MapHandle {
  show(scene: MapScene, opts: { shopDraggable?: boolean; pinDraggable?: boolean }): void;
  center(): LatLng;
  setView(p: LatLng, zoom?: number): void;
  fit(points: LatLng[]): void;
  destroy(): void;
}

/** Leaflet renders attribution as HTML; ours is configuration text, so it is escaped first. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text for Leaflet as a DOM node, never an HTML string: Leaflet puts a string given to a tooltip,
 * popup or div icon into innerHTML, so a zone named `<img src=…>` would fetch the image (and only
 * the CSP stopped its handler). Isolated for direction like every other user text (DESIGN.md, UI).
 */
function textNode(text: string, tag: 'bdi' | 'span' = 'bdi'): HTMLElement {
  const el = document.createElement(tag);
  if (tag === 'bdi') el.dir = 'auto';
  el.textContent = balanceIsolates(text);
  return el;
}

const toLatLng = (p: L.LatLng): LatLng => ({ lat: p.lat, lng: p.lng });

function divIcon(kind: 'shop' | 'pin' | 'stop', text = ''): L.DivIcon {
  // Colours by class (map.css); Leaflet sets size and anchor through the CSS object model, which the
  // CSP allows (only inline style attributes and <style> tags are forbidden).
  return L.divIcon({
    className: `map-marker map-marker-${kind}`,
    html: textNode(text, 'span'),
    iconSize: [26, 26],
    iconAnchor: kind === 'stop' ? [13, 13] : [13, 26],
  });
}

export function createMap(
  el: HTMLElement,
  config: MapConfig,
  view: { center: LatLng; zoom: number },
  events: MapEvents,
): MapHandle {
  const map = L.map(el, { center: view.center, zoom: view.zoom, maxZoom: config.maxZoom });
  map.attributionControl.setPrefix(false);
  const tiles = L.tileLayer(config.tileUrl, {
    maxZoom: config.maxZoom,
    attribution: escapeHtml(config.attribution),
    // Only what is on screen: the OSM tile policy forbids prefetching for offline use.
    keepBuffer: 1,
    // CORS, so the service worker's tile cache stores real (not opaque, quota-heavy) answers.
    crossOrigin: 'anonymous',
  });
  let failed = false;
  tiles.on('tileerror', () => {
    if (!failed) events.onTiles?.('failed');
    failed = true;
  });
  tiles.on('tileload', () => {
    if (failed) events.onTiles?.('ok');
    failed = false;
  });
  tiles.addTo(map);
  map.on('click', (e: L.LeafletMouseEvent) => events.onClick?.(toLatLng(e.latlng)));

  const layer = L.layerGroup().addTo(map);

  return {
    show(scene, opts) {
      layer.clearLayers();
      const z = scene.zones;
      if (z) {
        for (const zone of z.polygons) {
          const polys = zone.area.type === 'Polygon' ? [zone.area.coordinates] : zone.area.coordinates;
          for (const rings of polys)
            L.polygon(
              rings.map((r) => r.map(([lng, lat]) => [lat, lng] as [number, number])),
              { className: 'map-zone' },
            )
              .bindTooltip(textNode(zone.name))
              .addTo(layer);
        }
        if (z.shopLocation)
          for (const tier of z.tiers)
            // The tier's reach in a straight line: road kilometres divided by the road factor.
            L.circle(z.shopLocation, {
              radius: (tier.maxKm * 1000) / z.roadFactor,
              className: 'map-tier',
            }).addTo(layer);
      }
      if (scene.draft && scene.draft.length > 0) {
        const pts = scene.draft.map(([lng, lat]) => [lat, lng] as [number, number]);
        L.polyline(pts, { className: 'map-draft' }).addTo(layer);
        for (const p of pts) L.circleMarker(p, { radius: 4, className: 'map-draft-corner' }).addTo(layer);
      }
      for (const s of scene.stops ?? [])
        L.marker(s.at, { icon: divIcon('stop', String(s.n)), title: s.title, keyboard: true }).addTo(layer);
      if (scene.stops && scene.stops.length > 0 && scene.shop)
        L.polyline([scene.shop, ...scene.stops.map((s) => s.at)], { className: 'map-route' }).addTo(layer);
      if (scene.shop) {
        const m = L.marker(scene.shop, {
          icon: divIcon('shop'),
          draggable: !!opts.shopDraggable,
          title: 'shop',
        });
        m.on('dragend', () => events.onShopMoved?.(toLatLng(m.getLatLng())));
        m.addTo(layer);
      }
      if (scene.pin) {
        const m = L.marker(scene.pin, { icon: divIcon('pin'), draggable: !!opts.pinDraggable, title: 'pin' });
        m.on('dragend', () => events.onPinMoved?.(toLatLng(m.getLatLng())));
        m.addTo(layer);
      }
    },
    center: () => toLatLng(map.getCenter()),
    setView: (p, zoom) => map.setView(p, zoom ?? map.getZoom()),
    fit(points) {
      if (points.length === 0) return;
      if (points.length === 1) map.setView(points[0]!, Math.max(map.getZoom(), 15));
      else
        map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng] as [number, number])), {
          padding: [24, 24],
        });
    },
    destroy: () => map.remove(),
  };
}
