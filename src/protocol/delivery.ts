import { z } from 'zod/mini';
import { DELIVERY_LIMITS } from '../domain/deliveryZones';
import { nonBlank, Won } from './fields';

/**
 * The wire shape of a shop's delivery zones and of the instance's map tiles. Shapes and counts are
 * bounded here; the rules between fields (tiers grow outwards, rings are closed) are the domain's
 * (zonesProblem), checked on the server with their own error codes.
 */

const Lat = z.number().check(z.minimum(-90), z.maximum(90));
const Lng = z.number().check(z.minimum(-180), z.maximum(180));

export const LatLngSchema = z.strictObject({ lat: Lat, lng: Lng });

/** GeoJSON position [lng, lat]; a third value (altitude) is not accepted. */
const PositionSchema = z.tuple([Lng, Lat]);
const Ring = z.array(PositionSchema).check(z.minLength(4), z.maxLength(DELIVERY_LIMITS.verticesPerZone));
const Rings = z.array(Ring).check(z.minLength(1), z.maxLength(DELIVERY_LIMITS.ringsPerPolygon));
export const AreaSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Polygon'), coordinates: Rings }),
  z.strictObject({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(Rings).check(z.minLength(1), z.maxLength(DELIVERY_LIMITS.partsPerZone)),
  }),
]);

export const RadiusTierSchema = z.strictObject({
  maxKm: z.number().check(z.gt(0), z.maximum(DELIVERY_LIMITS.maxKm)),
  fee: Won,
  minOrder: Won,
});

export const PolygonZoneSchema = z.strictObject({
  name: nonBlank(DELIVERY_LIMITS.zoneName),
  area: AreaSchema,
  fee: Won,
  minOrder: Won,
});

export const DeliveryZonesSchema = z.strictObject({
  shopLocation: z.nullable(LatLngSchema),
  roadFactor: z
    .number()
    .check(z.minimum(DELIVERY_LIMITS.roadFactorMin), z.maximum(DELIVERY_LIMITS.roadFactorMax)),
  tiers: z.array(RadiusTierSchema).check(z.maxLength(DELIVERY_LIMITS.tiers)),
  polygons: z.array(PolygonZoneSchema).check(z.maxLength(DELIVERY_LIMITS.polygons)),
  freeAbove: z.nullable(Won),
});

/**
 * The tile server a map draws from: an instance setting (TILE_URL, TILE_ATTRIBUTION, TILE_MAX_ZOOM),
 * OpenStreetMap's standard tiles by default. Attribution is plain text: it is shown, never parsed as HTML.
 */
export const MapConfigSchema = z.strictObject({
  tileUrl: z.string(),
  attribution: z.string(),
  maxZoom: z.int(),
  /**
   * A Nominatim-compatible search endpoint (GEOCODER_URL, e.g. https://nominatim.openstreetmap.org/search),
   * or absent: off by default. Only the owner's pin uses it; dropping a pin always works without it.
   */
  geocoderUrl: z.optional(z.string()),
});

/** The owner's delivery editor: the zones, and the map to draw them on. */
export const DeliverySettingsSchema = z.strictObject({
  delivery: DeliveryZonesSchema,
  map: MapConfigSchema,
});
