import { call } from '../../../client/api';
import type { ClientDb } from '../../../client/db';
import type { VoucherBook } from '../../../client/vouchers';
import { formatWon } from '../../../domain/money';
import { voucherCode } from '../../../domain/voucher';
import { useT } from '../../../i18n';
import { Alert } from '../../../ui/Alert';
import { useAsyncAction } from '../../../ui/useAsyncAction';
import { refreshNow } from './useVoucherSync';

/**
 * Over-redemptions in plain words: which voucher, when, on which tablet and by whom, by how much,
 * with the two choices a shop has. Deciding needs the server (only the owner decides).
 */
export function VoucherConflicts({
  db,
  book,
  canDecide,
}: {
  db: ClientDb;
  book: VoucherBook;
  canDecide: boolean;
}) {
  const { lang, t } = useT();
  const action = useAsyncAction();
  if (book.conflicts.length === 0) return null;
  const decide = (redemptionId: string, resolution: 'accept_loss' | 'contact_customer') =>
    action.run(async () => {
      await call('resolveVoucherConflict', { lang, body: { redemptionId, resolution } });
      await refreshNow(db, lang);
    });
  const when = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
  return (
    <section aria-labelledby="voucher-conflicts-title" className="voucher-section voucher-conflicts">
      <h3 id="voucher-conflicts-title">{t('voucherConflictsTitle')}</h3>
      <ul>
        {book.conflicts.map((c) => (
          <li key={c.id}>
            <p>
              {t('voucherConflict', {
                code: voucherCode(c.voucherId),
                when: when(c.at),
                tablet: c.clientId.slice(-4),
                user: c.userName,
                amount: formatWon(c.amount, lang),
                taken: formatWon(c.taken, lang),
                shortfall: formatWon(c.shortfall, lang),
              })}
            </p>
            {canDecide && (
              <div className="row">
                <button type="button" className="secondary" onClick={() => void decide(c.id, 'accept_loss')}>
                  {t('voucherAcceptLoss')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void decide(c.id, 'contact_customer')}
                >
                  {t('voucherContactCustomer')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <Alert error={action.error} />
    </section>
  );
}
