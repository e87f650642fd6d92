import { formatWon, type Won } from '../../domain/money';
import { weekdayOf } from '../../domain/schedule';
import { encodeHandoff, handoffKeyOf, type HandoffOrder } from '../../protocol/handoff';
import type { MutationArgs } from '../../protocol/sync';
import { isolate } from '../../domain/bidi';
import { orderLabel } from '../../i18n/orderLabel';

/**
 * The text message a customer sends when the server cannot be reached: a summary the shop can read
 * at a glance, then the order code on its own line for the shop's tablet to paste into Dangol.
 */

/**
 * What the code carries of the phone's queued placeOrder: the order, and instead of its share secret
 * (which never leaves the phone) the claim key derived from it, so only this phone can later take the
 * order the shop imports as its own (protocol/handoff.ts).
 */
export function handoffOrderOf(args: MutationArgs<'placeOrder'>, shopSlug: string): HandoffOrder {
  return {
    orderId: args.orderId,
    shopSlug,
    lines: args.lines,
    fulfilment: args.fulfilment,
    date: args.date,
    slot: args.slot,
    customerName: args.customerName,
    customerPhone: args.customerPhone,
    address: args.address,
    note: args.note,
    payment: args.payment,
    ...(args.shareSecret !== undefined ? { handoffKey: handoffKeyOf(args.shareSecret) } : {}),
  };
}

interface PricedSummary {
  lines: { name: string; quantity: number; options: { name: string }[]; lineTotal: Won }[];
  total: Won;
}

const WORDS = {
  ko: {
    order: '주문',
    total: '합계',
    pickup: '포장',
    delivery: '배달',
    asap: '가능한 빨리',
    payment: '결제',
    at_pickup: '받을 때 결제',
    bank_transfer: '계좌이체',
    name: '이름',
    phone: '전화',
    address: '주소',
    note: '요청',
    paste: '사장님, 아래 코드를 단골 앱에 붙여 넣으면 이 주문이 그대로 들어갑니다.',
    weekdays: ['일', '월', '화', '수', '목', '금', '토'],
  },
  en: {
    order: 'order',
    total: 'Total',
    pickup: 'Pickup',
    delivery: 'Delivery',
    asap: 'as soon as possible',
    payment: 'Payment',
    at_pickup: 'pay on receipt',
    bank_transfer: 'bank transfer',
    name: 'Name',
    phone: 'Phone',
    address: 'Address',
    note: 'Note',
    paste: 'For the shop: paste the code below into Dangol to add this order as it is.',
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  },
} as const;

export function handoffMessage(args: {
  shopName: string;
  order: HandoffOrder;
  priced: PricedSummary;
  lang: 'ko' | 'en';
}): string {
  const { shopName, order, priced, lang } = args;
  const w = WORDS[lang];
  const won = (amount: Won) => formatWon(amount, lang);
  const items = priced.lines.map((l) => {
    const options = l.options.length ? ` (${l.options.map((o) => isolate(o.name)).join(', ')})` : '';
    return `- ${isolate(l.name)}${options} ×${l.quantity} ${won(l.lineTotal)}`;
  });
  // The weekday guards against a pre-order for another day being read as today's.
  const when = `${order.date} (${w.weekdays[weekdayOf(order.date)]}) ${order.slot ?? w.asap}`;
  const fields: [string, string][] = [
    [w.name, order.customerName],
    [w.phone, order.customerPhone],
    [w.address, order.fulfilment === 'delivery' ? order.address : ''],
    [w.note, order.note],
  ];
  // Every typed text between isolates (domain/bidi): an override in a name or note must not reverse
  // the quantities, prices and phone number after it in the shop's message app.
  return [
    // The same provisional label the phone shows and the tablet will show once it imports the code
    // below (both derive it from the order id), so the order has one name until the server numbers it.
    `[${isolate(shopName)}] ${w.order} ${orderLabel({ id: order.orderId }, lang)}`,
    ...items,
    `${w.total} ${won(priced.total)}`,
    `${w[order.fulfilment]} ${when}`,
    `${w.payment}: ${w[order.payment]}`,
    ...fields.filter(([, value]) => value !== '').map(([label, value]) => `${label}: ${isolate(value)}`),
    '',
    w.paste,
    encodeHandoff(order),
  ].join('\n');
}

/**
 * A link that opens the messaging app addressed to the shop with the body filled in. `?body=` is the
 * RFC 5724 form, which Android's messaging apps read. Reports from the iOS 8 era say iOS wanted
 * `&body=` instead, and no iPhone was available to check here — try one before relying on this.
 */
export function smsHref(phone: string, body: string): string {
  const number = (phone.trim().startsWith('+') ? '+' : '') + phone.replace(/\D/g, '');
  return `sms:${number}?body=${encodeURIComponent(body)}`;
}
