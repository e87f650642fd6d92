import type { ReactNode } from 'react';
import { formatWon } from '../../../domain/money';
import type { PaymentMethod } from '../../../domain/checkout';
import type { PaymentBreakdown, Tally } from '../../../domain/sales';
import { useT, type MessageKey } from '../../../i18n';

export const METHOD_LABEL: Record<PaymentMethod, MessageKey> = {
  at_pickup: 'salesAtPickup',
  bank_transfer: 'salesBankTransfer',
};

interface FiguresRow {
  key: string;
  /** The row's header cell: a period, an item, a payment method. */
  label: ReactNode;
  /** Its figures, right-aligned, one per column after the first. */
  figures: ReactNode[];
  className?: string;
}

/**
 * The shape every sales table shares: a caption, a row header column then figure columns, a row per
 * entry and, optionally, a footer row of totals in bold. Scrolls sideways on a narrow screen.
 */
export function FiguresTable({
  caption,
  columns,
  rows,
  total,
}: {
  caption: string;
  columns: [string, ...string[]];
  rows: FiguresRow[];
  total?: Omit<FiguresRow, 'key' | 'className'>;
}) {
  const [first, ...rest] = columns;
  return (
    <div className="sales-table-wrap">
      <table className="sales-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {rest.map((c) => (
              <th key={c} scope="col" className="num">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.className}>
              <th scope="row">{r.label}</th>
              {r.figures.map((f, i) => (
                <td key={i} className="num">
                  {f}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr>
              <th scope="row">{total.label}</th>
              {total.figures.map((f, i) => (
                <td key={i} className="num">
                  <strong>{f}</strong>
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** One day's orders by payment method: paid, not paid and total per method, and for all methods. */
export function BreakdownTable({ breakdown, caption }: { breakdown: PaymentBreakdown; caption: string }) {
  const { lang, t } = useT();
  // "2건 · 29,000원": a count and its amount in one cell, read together by a screen reader.
  const tally = (x: Tally) => t('salesTally', { n: x.orders, amount: formatWon(x.amount, lang) });
  return (
    <FiguresTable
      caption={caption}
      columns={[t('salesMethod'), t('salesPaid'), t('salesUnpaid'), t('salesTotal')]}
      rows={breakdown.methods.map((m) => ({
        key: m.method,
        label: t(METHOD_LABEL[m.method]),
        figures: [tally(m.paid), tally(m.unpaid), tally(m.total)],
      }))}
      total={{
        label: t('salesAllMethods'),
        figures: [tally(breakdown.paid), tally(breakdown.unpaid), tally(breakdown.total)],
      }}
    />
  );
}
