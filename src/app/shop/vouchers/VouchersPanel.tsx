import { can } from '../../../domain/roles';
import { useT } from '../../../i18n';
import type { ShopPanelProps } from '../panel';
import { ExpiringVouchers } from './ExpiringVouchers';
import { IssueForm } from './IssueForm';
import { RedeemForm } from './RedeemForm';
import { useVoucherBook } from './useVoucherSync';
import { VoucherConflicts } from './VoucherConflicts';
import { VoucherList } from './VoucherList';
import './vouchers.css';

/** The console's 상품권 tab: the counter first (redeem, offline), then selling, conflicts and the list. */
export function VouchersPanel({ me, sync }: ShopPanelProps) {
  const { lang, t } = useT();
  const db = sync?.db;
  const book = useVoucherBook(db);
  const canIssue = can(me.user.role, 'vouchers.issue');
  return (
    <section aria-labelledby="vouchers-title">
      <h2 id="vouchers-title">{t('vouchersTitle')}</h2>
      {book && (
        <p className="muted">
          {book.stored
            ? t('vouchersFresh', {
                time: new Date(book.stored.fetchedAt).toLocaleTimeString(lang === 'ko' ? 'ko-KR' : 'en-GB'),
              })
            : t('vouchersNoCopy')}
        </p>
      )}
      {db && <RedeemForm db={db} />}
      {db && book && <VoucherConflicts db={db} book={book} canDecide={canIssue} />}
      {db && canIssue && <IssueForm db={db} slug={me.shop.slug} />}
      {book && <ExpiringVouchers book={book} shopName={me.shop.name} slug={me.shop.slug} />}
      {db && book && <VoucherList db={db} book={book} canIssue={canIssue} />}
    </section>
  );
}
