import type { Redemption, Voucher } from '../../protocol/voucher';
import { voucherCode } from '../../domain/voucher';

export const VOUCHER_COLUMNS = `id, token, won, item_id, item_name, balance, shortfall, issued_at, expires_at,
  message, buyer_name, paid_by, paid_at, device_id, created_at`;

export interface VoucherRow {
  id: string;
  token: string | null;
  won: number;
  item_id: string | null;
  item_name: string | null;
  balance: number;
  shortfall: number;
  issued_at: Date | string | null;
  expires_at: Date | string;
  message: string;
  buyer_name: string;
  paid_by: Voucher['paidBy'];
  paid_at: Date | string | null;
  device_id: string | null;
  created_at: Date | string;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export function toVoucher(r: VoucherRow): Voucher {
  return {
    id: r.id,
    token: r.token,
    code: voucherCode(r.id),
    won: r.won,
    item: r.item_id && r.item_name !== null ? { id: r.item_id, name: r.item_name } : null,
    balance: r.balance,
    shortfall: r.shortfall,
    issuedAt: isoOrNull(r.issued_at),
    expiresAt: iso(r.expires_at),
    message: r.message,
    buyerName: r.buyer_name,
    paidBy: r.paid_by,
    paidAt: isoOrNull(r.paid_at),
    requested: r.device_id !== null,
    createdAt: iso(r.created_at),
  };
}

export const REDEMPTION_COLUMNS = `r.id, r.voucher_id, r.amount, r.taken, r.shortfall, r.order_id, r.at,
  r.received_at, r.client_id, coalesce(u.username, '') as user_name, r.resolution`;
export const REDEMPTION_FROM = 'voucher_redemptions r left join users u on u.id = r.user_id';

export interface RedemptionRow {
  id: string;
  voucher_id: string;
  amount: number;
  taken: number;
  shortfall: number;
  order_id: string | null;
  at: Date | string;
  received_at: Date | string;
  client_id: string;
  user_name: string;
  resolution: Redemption['resolution'];
}

export function toRedemption(r: RedemptionRow): Redemption {
  return {
    id: r.id,
    voucherId: r.voucher_id,
    amount: r.amount,
    taken: r.taken,
    shortfall: r.shortfall,
    orderId: r.order_id,
    at: iso(r.at),
    receivedAt: iso(r.received_at),
    clientId: r.client_id,
    userName: r.user_name,
    resolution: r.resolution,
  };
}
