import { describe, expect, it } from 'vitest';
import type { MenuItem } from '../../src/domain/catalogue';
import { NO_DELIVERY_ZONES, type DeliveryZones } from '../../src/domain/deliveryZones';
import { priceWholeOrder } from '../../src/domain/orderPricing';
import { applyPending } from '../../src/client/rebase';
import type { OutboxEntry } from '../../src/client/db';

const item: MenuItem = {
  id: 'a',
  categoryId: 'c',
  name: '제육볶음',
  description: '',
  price: 10_000,
  photoUrl: null,
  optionGroups: [],
  soldOutUntil: null,
  dailyQuota: null,
  leadDays: 0,
  orderCutoff: null,
  position: 0,
};
const catalogue = new Map([[item.id, item]]);
const SHOP = { lat: 37.5663, lng: 126.978 };
const zones: DeliveryZones = {
  ...NO_DELIVERY_ZONES,
  shopLocation: SHOP,
  roadFactor: 1,
  tiers: [{ maxKm: 2, fee: 2500, minOrder: 15_000 }],
  freeAbove: 50_000,
};
const order = (
  quantity: number,
  fulfilment: 'pickup' | 'delivery',
  location?: { lat: number; lng: number },
) => ({
  lines: [{ itemId: 'a', quantity, optionIds: [] }],
  date: '2026-11-23',
  fulfilment,
  location,
});

describe('the whole order price (items + delivery fee)', () => {
  it('adds the zone fee to a delivery and nothing to a pickup', () => {
    expect(priceWholeOrder(catalogue, order(2, 'delivery', SHOP), zones)).toMatchObject({
      ok: true,
      subtotal: 20_000,
      deliveryFee: 2500,
      total: 22_500,
    });
    expect(priceWholeOrder(catalogue, order(2, 'pickup'), zones)).toMatchObject({
      ok: true,
      deliveryFee: 0,
      total: 20_000,
    });
  });
  it('passes on the delivery refusals and the free threshold', () => {
    expect(priceWholeOrder(catalogue, order(1, 'delivery', SHOP), zones)).toMatchObject({
      ok: false,
      problem: 'below_delivery_minimum',
    });
    expect(priceWholeOrder(catalogue, order(2, 'delivery'), zones)).toMatchObject({
      ok: false,
      problem: 'delivery_location_required',
    });
    expect(priceWholeOrder(catalogue, order(2, 'delivery', { lat: 37.7, lng: 127.2 }), zones)).toMatchObject({
      ok: false,
      problem: 'outside_delivery_area',
    });
    expect(priceWholeOrder(catalogue, order(5, 'delivery', SHOP), zones)).toMatchObject({
      ok: true,
      deliveryFee: 0,
      total: 50_000,
    });
  });
  it("the device's optimistic order (rebase) carries the same total and fee as the server computes", () => {
    const entry: OutboxEntry = {
      seq: 1,
      mutationId: 'm',
      name: 'placeOrder',
      orderId: 'o',
      createdAt: 0,
      result: null,
      args: {
        orderId: 'o',
        ...order(2, 'delivery', SHOP),
        slot: null,
        customerName: '',
        customerPhone: '',
        address: '시청',
        note: '',
        payment: 'at_pickup',
        location: SHOP,
      },
    };
    const server = priceWholeOrder(catalogue, order(2, 'delivery', SHOP), zones);
    const view = applyPending(null, entry, catalogue, 0, zones)!;
    expect(server.ok && [server.total, server.deliveryFee]).toEqual([view.total, view.deliveryFee]);
    expect(view.location).toEqual(SHOP);
    // Without the zones (not pulled yet) the device shows the items alone, never a made-up fee.
    expect(applyPending(null, entry, catalogue, 0, null)).toMatchObject({ total: 20_000, deliveryFee: 0 });
  });
});
