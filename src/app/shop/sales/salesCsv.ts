import { csvDocument, type CsvCell } from '../../../domain/csv';
import { dateFormatter } from '../../../domain/intl';
import type { Order } from '../../../domain/order';
import { optionGroupLines } from '../../../domain/production';
import type { SalesBy } from '../../../domain/sales';
import type { MessageKey } from '../../../i18n';
import type { RouteResponse } from '../../../protocol/routes';
import { statusLabel } from '../reservations/labels';
import { safeFileName } from '../../../ui/saveFile';
import { isolate } from '../../../domain/bidi';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
export type SalesReport = RouteResponse<'salesReport'>;

/**
 * The owner's CSV files (domain/csv does the format: BOM, CRLF, quoting, formula defusing). Amounts
 * are plain numbers of won so Excel can sum them; dates are ISO-like so Excel reads them as dates.
 */

export const BY_LABEL: Record<SalesBy, MessageKey> = {
  day: 'salesByDay',
  week: 'salesByWeek',
  month: 'salesByMonth',
};

/** "매출_2026-11-01_2026-11-30.csv": what, and over which days. */
export function csvFileName(what: string, from: string, to: string): string {
  return safeFileName(`${what}_${from}_${to}.csv`);
}

/** The periods, a blank line, then the items: one file the owner opens and prints as it is. */
export function reportCsv(report: SalesReport, t: T): string {
  const rows: CsvCell[][] = report.periods.map((p) => [p.start, p.end, p.orders, p.revenue]);
  rows.push([t('salesRangeTotal'), '', report.total.orders, report.total.revenue]);
  rows.push([]);
  rows.push([t('salesItem'), t('salesQuantity'), t('salesRevenue')]);
  for (const item of report.items) rows.push([item.name, item.quantity, item.revenue]);
  return csvDocument([t('csvPeriodStart'), t('csvPeriodEnd'), t('salesOrders'), t('salesRevenue')], rows);
}

/** "2026-11-23 14:05" on the shop's clock. */
function moment(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  return dateFormatter('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

function linesOf(o: Order): string {
  return o.lines
    .map((l) => {
      // Several names and numbers in one cell: each name isolated, so an override in one cannot
      // reverse the quantities after it. Cells of one text each (name, note) are written as typed.
      const options = l.options.length
        ? ` (${optionGroupLines(l.options.map((x) => x.name))
            .map(isolate)
            .join(' / ')})`
        : '';
      return `${isolate(l.name)}${options} × ${l.quantity}`;
    })
    .join(' / ');
}

/** Every order in the range, any status: one row each, customer text defused by csvCell. */
export function ordersCsv(orders: readonly Order[], timeZone: string, t: T): string {
  const header = [
    t('csvOrderNumber'),
    t('csvDate'),
    t('csvSlot'),
    t('csvStatus'),
    t('csvFulfilment'),
    t('csvCustomer'),
    t('csvPhone'),
    t('csvAddress'),
    t('csvLines'),
    t('csvTotal'),
    t('csvPayment'),
    t('csvPaid'),
    t('csvPaidAt'),
    t('csvNote'),
    t('csvCreatedAt'),
    t('csvOrderId'),
  ];
  const rows = orders.map((o): CsvCell[] => [
    // The day's number as a number (a spreadsheet sorts it); blank for an order without one, which
    // the order id column still names.
    o.number ?? '',
    o.date,
    o.slot ?? t('resAsap'),
    t(statusLabel(o)),
    t(o.fulfilment === 'delivery' ? 'slipFulfilDelivery' : 'slipFulfilPickup'),
    o.customerName,
    o.customerPhone,
    o.address,
    linesOf(o),
    o.total,
    t(o.payment === 'bank_transfer' ? 'salesBankTransfer' : 'salesAtPickup'),
    t(o.paidAt ? 'csvYes' : 'csvNo'),
    moment(o.paidAt, timeZone),
    o.note,
    moment(o.createdAt, timeZone),
    o.id,
  ]);
  return csvDocument(header, rows);
}
