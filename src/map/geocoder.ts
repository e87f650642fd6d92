import type { LatLng } from '../domain/geo';

/**
 * One address search against a Nominatim-compatible endpoint (GEOCODER_URL; off unless the instance
 * sets one). Used only to help the owner place the shop's pin; bounded in time, and any failure is
 * "not found": dragging the pin always works instead. Nominatim's policy asks for low volume: one
 * search per press of a button, never as-you-type.
 */
export async function searchAddress(endpoint: string, query: string, lang: string): Promise<LatLng | null> {
  const url = new URL(endpoint);
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('limit', '1');
  url.searchParams.set('q', query);
  url.searchParams.set('accept-language', lang);
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(8000), credentials: 'omit' });
    if (!res.ok) return null;
    const [hit] = (await res.json()) as { lat?: string; lon?: string }[];
    const p = { lat: Number(hit?.lat), lng: Number(hit?.lon) };
    return Number.isFinite(p.lat) && Number.isFinite(p.lng) ? p : null;
  } catch {
    return null;
  }
}
