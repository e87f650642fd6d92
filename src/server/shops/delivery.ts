import type { z } from 'zod/mini';
import { zonesProblem, type DeliveryZones } from '../../domain/deliveryZones';
import type { DeliveryZonesSchema } from '../../protocol/delivery';
import type { Config } from '../config';
import { ApiError } from '../http/errors';
import type { Queryable, Storage } from '../storage/types';
import { bumpShopVersion } from './queries';

export interface DeliveryRow {
  lat: number | null;
  lng: number | null;
  delivery_zones: Omit<DeliveryZones, 'shopLocation'>;
}

export const DELIVERY_COLUMNS = 'lat, lng, delivery_zones';

export function toZones(r: DeliveryRow): DeliveryZones {
  const { roadFactor, tiers, polygons, freeAbove } = r.delivery_zones;
  return {
    shopLocation: r.lat === null || r.lng === null ? null : { lat: r.lat, lng: r.lng },
    roadFactor,
    tiers,
    polygons,
    freeAbove,
  };
}

/** The shop's zones as they stand (inside an order's transaction: the latest, S11). */
export async function loadDeliveryZones(db: Queryable, shopId: string): Promise<DeliveryZones> {
  const [row] = await db.query<DeliveryRow>(`select ${DELIVERY_COLUMNS} from shops where id = $1`, [shopId]);
  if (!row) throw new Error(`shop ${shopId} vanished`);
  return toZones(row);
}

/**
 * Replaces the shop's pin and zones in one transaction under the shop's lock; the version bump is
 * what carries them to every phone and tablet on their next pull (S6). Cross-field rules are the
 * domain's, answered with their own codes.
 */
export async function saveDeliveryZones(
  storage: Storage,
  shopId: string,
  zones: z.output<typeof DeliveryZonesSchema>,
): Promise<{ zones: DeliveryZones; version: number }> {
  const problem = zonesProblem(zones);
  if (problem) throw new ApiError(400, problem.code, 'index' in problem ? [`${problem.index}`] : []);
  return storage.transaction(async (tx) => {
    const version = await bumpShopVersion(tx, shopId);
    const { shopLocation, ...rest } = zones;
    await tx.query(
      'update shops set lat = $2, lng = $3, delivery_zones = $4, delivery_version = $5 where id = $1',
      [shopId, shopLocation?.lat ?? null, shopLocation?.lng ?? null, JSON.stringify(rest), version],
    );
    return { zones: await loadDeliveryZones(tx, shopId), version };
  });
}

/** Map tiles as the instance is configured: OpenStreetMap's standard tiles unless told otherwise. */
export const OSM_TILES = {
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© OpenStreetMap contributors',
  maxZoom: 19,
} as const;

export function mapConfig(config: Config) {
  const tiles = config.tiles ?? OSM_TILES;
  return config.geocoderUrl ? { ...tiles, geocoderUrl: config.geocoderUrl } : { ...tiles };
}
