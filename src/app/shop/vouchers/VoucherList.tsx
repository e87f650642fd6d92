import { call } from '../../../client/api';
import type { ClientDb } from '../../../client/db';
import type { VoucherBook } from '../../../client/vouchers';
import { formatWon } from '../../../domain/money';
import { voucherLastDay, voucherState, voucherTotals, type VoucherState } from '../../../domain/voucher';
import { useT, type MessageKey } from '../../../i18n';
import { Alert } from '../../../ui/Alert';
import { safeFileName, saveFile } from '../../../ui/saveFile';
import { useAsyncAction } from '../../../ui/useAsyncAction';
import { useNow } from '../../../ui/useNow';
import { refreshNow } from './useVoucherSync';
import { voucherCsv } from './voucherCsv';
import { UserText } from '../../../ui/UserText';

const STATE_LABEL: Record<VoucherState, MessageKey> = {
  requested: 'voucherStateRequested',
  active: 'voucherStateActive',
  used: 'voucherStateUsed',
  expired: 'voucherStateExpired',
};

/** What was sold, what is still owed (a liability), redeemed and expired; CSV for the accountant. */
export function VoucherList({ db, book, canIssue }: { db: ClientDb; book: VoucherBook; canIssue: boolean }) {
  const { lang, t } = useT();
  const action = useAsyncAction();
  const now = useNow().getTime();
  const rows = book.vouchers.map((k) => ({
    ...k,
    state: voucherState(
      { issued: k.voucher.token !== null, balance: k.balance, expiresAt: Date.parse(k.voucher.expiresAt) },
      now,
    ),
  }));
  const totals = voucherTotals(
    rows.map(({ voucher: v, balance }) => ({
      issued: v.token !== null,
      won: v.won,
      balance,
      expiresAt: Date.parse(v.expiresAt),
      shortfall: v.shortfall,
    })),
    now,
  );
  const w = (n: number) => formatWon(n, lang);
  const header = [
    t('voucherColCode'),
    t('voucherColValue'),
    t('voucherColBalance'),
    t('voucherColState'),
    t('voucherColBuyer'),
    t('voucherColIssued'),
    t('voucherColExpires'),
    t('voucherColPaid'),
    t('voucherColShortfall'),
  ];
  const exportCsv = () =>
    saveFile(
      safeFileName(`${t('voucherCsvFile')}_${new Date().toISOString().slice(0, 10)}.csv`),
      voucherCsv(book.vouchers, header, (s) => t(STATE_LABEL[s]), now),
      'text/csv;charset=utf-8',
    );
  const confirm = (voucherId: string) =>
    action.run(async () => {
      await call('confirmVoucher', { lang, body: { voucherId, paidBy: 'transfer' } });
      await refreshNow(db, lang);
    });

  return (
    <section aria-labelledby="voucher-list-title" className="voucher-section">
      <h3 id="voucher-list-title">{t('voucherListTitle')}</h3>
      <ul className="voucher-totals">
        <li>{t('voucherSold', { n: totals.sold, amount: w(totals.soldWon) })}</li>
        <li>
          <strong>{t('voucherOutstanding', { amount: w(totals.outstandingWon) })}</strong>
        </li>
        <li>{t('voucherRedeemedTotal', { amount: w(totals.redeemedWon) })}</li>
        <li>{t('voucherExpiredTotal', { amount: w(totals.expiredWon) })}</li>
        {totals.shortfallWon > 0 && <li>{t('voucherShortfallTotal', { amount: w(totals.shortfallWon) })}</li>}
      </ul>
      <button type="button" className="secondary" onClick={exportCsv} disabled={rows.length === 0}>
        {t('voucherCsv')}
      </button>
      <Alert error={action.error} />
      <table className="voucher-table">
        <thead>
          <tr>
            {header.slice(0, 5).map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
            <th scope="col">{t('voucherColExpires')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ voucher: v, balance, state }) => (
            <tr key={v.id}>
              <td>{v.code}</td>
              <td>
                {v.item ? (
                  <>
                    <UserText>{v.item.name}</UserText> · {w(v.won)}
                  </>
                ) : (
                  w(v.won)
                )}
              </td>
              <td>{w(balance)}</td>
              <td>
                {t(STATE_LABEL[state])}
                {state === 'requested' && canIssue && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={action.busy}
                    onClick={() => void confirm(v.id)}
                  >
                    {t('voucherConfirm')}
                  </button>
                )}
              </td>
              <td>
                <UserText>{v.buyerName}</UserText>
              </td>
              <td>{voucherLastDay(Date.parse(v.expiresAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
