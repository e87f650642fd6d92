import type { MenuItem } from './catalogue';
import { quoteDelivery, type DeliveryProblem, type DeliveryZones } from './deliveryZones';
import type { LatLng } from './geo';
import { MAX_WON, type Won } from './money';
import type { Fulfilment, PricedLine } from './order';
import { priceOrder, type PricingProblem } from './pricing';
import type { OrderLineInput } from './order';

export type OrderPriced =
  | { ok: true; lines: PricedLine[]; subtotal: Won; deliveryFee: Won; total: Won }
  | { ok: false; problem: PricingProblem | DeliveryProblem; itemId?: string };

/**
 * An order's whole price: the items from the catalogue, plus the delivery fee from the address's
 * coordinates and the shop's zones. The server decides with it; the phone and the tablet show their
 * optimistic total with it (client/rebase), so the two never disagree on the same data. `zones` null:
 * this device does not know the shop's zones (yet), so it shows the items alone.
 */
export function priceWholeOrder(
  catalogue: ReadonlyMap<string, MenuItem>,
  order: {
    lines: readonly OrderLineInput[];
    date: string;
    fulfilment: Fulfilment;
    location?: LatLng | null | undefined;
  },
  zones: DeliveryZones | null,
  { pinRequired = true }: { pinRequired?: boolean } = {},
): OrderPriced {
  const items = priceOrder(catalogue, order.lines, order.date);
  if (!items.ok) return items;
  let deliveryFee = 0;
  // The shop typing in an order it took by phone may leave the pin out: it has agreed the delivery
  // with the customer itself. A customer's order never may (the server passes pinRequired).
  if (order.fulfilment === 'delivery' && zones && (pinRequired || order.location)) {
    const quote = quoteDelivery(zones, order.location, items.total);
    if (!quote.ok) return { ok: false, problem: quote.problem };
    deliveryFee = quote.fee;
  }
  const total = items.total + deliveryFee;
  if (total > MAX_WON) return { ok: false, problem: 'total_too_large' };
  return { ok: true, lines: items.lines, subtotal: items.total, deliveryFee, total };
}
