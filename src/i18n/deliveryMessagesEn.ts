import type { deliveryPinKo } from './deliveryMessages';

/**
 * English words of ./deliveryMessages, in a module of their own: only the English chunk (i18n/en.ts, loaded
 * lazily) imports it, so a Korean reader's first load never carries them.
 */
export const deliveryPinEn: Record<keyof typeof deliveryPinKo, string> = {
  mapLoading: 'Loading the map…',
  mapLoadFailed: 'The map cannot load. Ordering and the delivery fee still work.',
  mapTilesFailed: 'Map images (tiles) cannot load. Dropping a pin and the delivery fee still work.',
  deliveryMapLabel: 'Delivery location map',
  deliveryPinHint: 'Tap the map where the delivery should go. The fee depends on the location.',
  useMyLocation: 'Use my location',
  locating: 'Finding your location…',
  locationDenied: 'Your location is not available. Tap the map to drop a pin.',
  deliveryFeeLine: 'Delivery fee: {fee}',
  deliveryFeeFree: 'Delivery fee: free (orders of {above} or more)',
  deliveryMinOrder: 'Minimum order for this area: {amount}',
  deliveryOutside: 'That is outside the delivery area.',
  deliveryOutsideNearest: 'The nearest delivery area is about {distance} away.',
  deliveryPinNeeded: 'Please mark the delivery location on the map.',
  itemsSubtotal: 'Items: {amount}',
  shopLocationShow: 'Show where the shop is',
  shopLocationHide: 'Hide the shop map',
  shopMapLabel: 'Shop location map',
  openInMapApp: 'Open in a map app',
  openInOsm: 'View on OpenStreetMap',
};
