import { conflictsOf, dismissConflict, type Conflict } from '../../../client/conflicts';
import type { ClientDb } from '../../../client/db';
import { voucherBook } from '../../../client/vouchers';
import type { MenuItem } from '../../../domain/catalogue';
import type { Order } from '../../../domain/order';
import { useT } from '../../../i18n';
import { useLive } from '../../useDeviceSync';
import { conflictText, itemConflictText, voucherConflictText } from './conflictText';
import { UserText } from '../../../ui/UserText';

/** Each refusal with what it was about as this device now knows it (the server's copy), newest first. */
interface Notice {
  conflict: Conflict;
  order: Order | null;
  item: MenuItem | null;
  balance: number | null;
}

async function notices(db: ClientDb): Promise<Notice[]> {
  const list = await conflictsOf(db);
  const book = list.some((c) => c.voucherId) ? await voucherBook(db) : null;
  const read = async (c: Conflict): Promise<Notice> => ({
    conflict: c,
    order: c.orderId ? ((await db.orders.get(c.orderId))?.server ?? null) : null,
    item: c.itemId ? ((await db.items.get(c.itemId)) ?? null) : null,
    balance: book?.vouchers.find((k) => k.voucher.id === c.voucherId)?.balance ?? null,
  });
  return (await Promise.all(list.map(read))).sort((a, b) => b.conflict.at - a.conflict.at);
}

/**
 * Conflicts in plain words (S5): when the server refused a change made on this tablet, say what was
 * tried, why it did not go through and what stands now, until someone dismisses it. Never a silent
 * revert of an order card, a sold-out mark or a redemption.
 */
export function ConflictNotices({ db, timeZone }: { db: ClientDb; timeZone: string }) {
  const { lang, t } = useT();
  const items = useLive(db, notices, 'conflicts');
  if (!items || items.length === 0) return null;
  return (
    <section className="conflicts" aria-label={t('bdConflicts')}>
      {items.map(({ conflict, order, item, balance }) => {
        const { subject, failed, why, now } = conflict.voucherId
          ? voucherConflictText(conflict, balance, t, lang)
          : conflict.itemId
            ? itemConflictText(conflict, item, t, lang, timeZone)
            : conflictText(conflict, order, t, lang, timeZone);
        return (
          <div key={conflict.key} className="conflict" role="alert" data-code={conflict.code}>
            <p>
              <strong>
                <UserText>{subject}</UserText>
              </strong>{' '}
              — {failed} {why}
              {now && (
                <>
                  {' '}
                  <span className="conflict-now">{now}</span>
                </>
              )}
            </p>
            <button
              type="button"
              className="secondary"
              aria-label={t('bdConflictDismissOf', { subject })}
              onClick={() => void dismissConflict(db, conflict.key)}
            >
              {t('bdConflictDismiss')}
            </button>
          </div>
        );
      })}
    </section>
  );
}
