import type { ErrorCode } from '../../protocol/errors';

/** The parts of the checkout a problem can be pointed at. */
export type CheckoutField =
  'lines' | 'fulfilment' | 'address' | 'date' | 'slot' | 'name' | 'phone' | 'note' | 'payment' | 'general';

const FIELD_OF: Partial<Record<ErrorCode, CheckoutField>> = {
  empty_order: 'lines',
  unknown_item: 'lines',
  sold_out: 'lines',
  invalid_options: 'lines',
  invalid_quantity: 'lines',
  total_too_large: 'lines',
  quota_exceeded: 'lines',
  item_quantity_limit: 'lines',
  order_quantity_limit: 'lines',
  fulfilment_unavailable: 'fulfilment',
  address_required: 'address',
  delivery_location_required: 'address',
  outside_delivery_area: 'address',
  below_delivery_minimum: 'address',
  shop_closed: 'date',
  date_past: 'date',
  too_far_ahead: 'date',
  item_lead_time: 'date',
  slot_invalid: 'slot',
  slot_full: 'slot',
  too_soon: 'slot',
  name_required: 'name',
  phone_required: 'phone',
  phone_not_korean: 'phone',
  phone_invalid: 'phone',
  payment_unavailable: 'payment',
};

/**
 * Which field an error belongs next to, so it is shown there and focus moves there (#16: a missing
 * address was reported at the bottom of the page, far from its field). Anything else is general.
 */
export function checkoutFieldOf(code: ErrorCode): CheckoutField {
  return FIELD_OF[code] ?? 'general';
}

/** Moves focus to the first control of a field's area (marked data-field), scrolled into view. */
export function focusField(form: HTMLElement | null, field: CheckoutField): void {
  const area = form?.querySelector<HTMLElement>(`[data-field="${field}"]`);
  const control =
    area?.querySelector<HTMLElement>('input:not([disabled]), textarea, select, button:not([disabled])') ??
    area ??
    null;
  control?.focus();
  control?.scrollIntoView({ block: 'center' });
}
