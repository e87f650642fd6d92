import type { LatLng } from '../domain/geo';

/**
 * The device's position, asked for only when the person presses "use my location" (the browser
 * asks their permission). Bounded: a phone indoors may never get a fix, and the checkout must not
 * wait on it. Null when refused, unavailable or too slow; dropping a pin always works instead.
 */
export function currentPosition(timeoutMs = 10_000): Promise<LatLng | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ lat: pos.coords.latitude, lng: pos.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}

/** "600 m" or "1.2 km". */
export function formatDistance(meters: number, lang: 'ko' | 'en'): string {
  if (meters < 1000) return `${Math.max(10, Math.round(meters / 10) * 10)} m`;
  const km = (meters / 1000).toFixed(1);
  return lang === 'ko' ? `${km}km` : `${km} km`;
}

/** "Open in a map app" links: the geo: URI (Android, many apps) and OpenStreetMap on the web. */
export function mapLinks(p: LatLng, label: string): { geo: string; osm: string } {
  const lat = p.lat.toFixed(6);
  const lng = p.lng.toFixed(6);
  return {
    geo: `geo:${lat},${lng}?q=${lat},${lng}(${encodeURIComponent(label)})`,
    osm: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`,
  };
}
