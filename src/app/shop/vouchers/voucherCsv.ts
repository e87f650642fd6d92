import { csvDocument } from '../../../domain/csv';
import { voucherLastDay, voucherState } from '../../../domain/voucher';
import type { KnownVoucher } from '../../../client/vouchers';

/** One row per voucher, amounts as numbers (Excel sums them), dates as ISO text. */
export function voucherCsv(
  rows: readonly KnownVoucher[],
  header: readonly string[],
  stateLabel: (s: ReturnType<typeof voucherState>) => string,
  now = Date.now(),
): string {
  return csvDocument(
    header,
    rows.map(({ voucher: v, balance }) => [
      v.code,
      v.item ? `${v.item.name} (${v.won})` : v.won,
      balance,
      stateLabel(
        voucherState({ issued: v.token !== null, balance, expiresAt: Date.parse(v.expiresAt) }, now),
      ),
      v.buyerName,
      v.issuedAt?.slice(0, 10) ?? '',
      voucherLastDay(Date.parse(v.expiresAt)),
      v.paidBy ?? '',
      v.shortfall,
    ]),
  );
}
