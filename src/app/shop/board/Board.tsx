import type { ClientDb, LocalOrder } from '../../../client/db';
import { enqueue } from '../../../client/outbox';
import { isFinal } from '../../../domain/order';
import { formatWon } from '../../../domain/money';
import { useT } from '../../../i18n';
import { OrderStatus } from '../../OrderStatus';
import { useLive } from '../../useDeviceSync';
import type { ShopPanelProps } from '../panel';

/** Open orders first, newest first within each group. */
function byUrgency(a: LocalOrder, b: LocalOrder): number {
  const fa = a.view && isFinal(a.view.status) ? 1 : 0;
  const fb = b.view && isFinal(b.view.status) ? 1 : 0;
  return fa - fb || b.createdAt - a.createdAt;
}

/**
 * The tablet's order list, live from its own database: it keeps working with the network down, and
 * every tap goes into the outbox to reach the server exactly once.
 */
export function Board({ sync }: ShopPanelProps) {
  const { t } = useT();
  const orders = useLive(sync?.db, (db) => db.orders.toArray(), 'orders');
  return (
    <section aria-labelledby="orders-title">
      <h2 id="orders-title">{t('tabOrders')}</h2>
      {orders && orders.length === 0 && <p className="muted">{t('noOrders')}</p>}
      <ul className="plain-list">
        {sync &&
          [...(orders ?? [])]
            .filter((o) => o.view)
            .sort(byUrgency)
            .map((o) => <OrderRow key={o.id} order={o} db={sync.db} />)}
      </ul>
    </section>
  );
}

function OrderRow({ order, db }: { order: LocalOrder; db: ClientDb }) {
  const { lang, t } = useT();
  const view = order.view!;
  const label = t('orderNumber', { id: order.id.slice(0, 8) });
  const act = (fn: () => Promise<unknown>) => () => void fn();
  const reject = () => {
    const reason = window.prompt(t('rejectReason'))?.trim();
    if (reason)
      void enqueue(db, 'rejectOrder', { orderId: order.id, from: view.status, reason: reason.slice(0, 200) });
  };
  return (
    <li className="order-card" aria-label={label}>
      <h3>{label}</h3>
      <p>{t('orderFrom', { name: view.customerName || '—', phone: view.customerPhone || '—' })}</p>
      <p>{t('pickupAt', { date: view.date, slot: view.slot ?? t('pickupAsap') })}</p>
      <ul>
        {view.lines.map((l, i) => (
          <li key={i}>
            {l.name} × {l.quantity}
            {l.options.length > 0 && ` (${l.options.map((o) => o.name).join(', ')})`}
          </li>
        ))}
      </ul>
      <p className="price">{formatWon(view.total, lang)}</p>
      <p>
        {t(view.payment === 'at_pickup' ? 'payAtPickup' : 'payBankTransfer')} ·{' '}
        {view.paidAt ? t('paid') : t('unpaid')}
      </p>
      <OrderStatus order={order} />
      <div className="row">
        {view.status === 'placed' && (
          <>
            <button
              type="button"
              onClick={act(() =>
                enqueue(db, 'acceptOrder', { orderId: order.id, from: view.status, prepMinutes: 20 }),
              )}
            >
              {t('acceptIn', { min: 20 })}
            </button>
            <button type="button" className="secondary" onClick={reject}>
              {t('reject')}
            </button>
          </>
        )}
        {view.status === 'accepted' && (
          <button
            type="button"
            onClick={act(() => enqueue(db, 'markReady', { orderId: order.id, from: view.status }))}
          >
            {t('markReady')}
          </button>
        )}
        {view.status === 'ready' && (
          <button
            type="button"
            onClick={act(() => enqueue(db, 'completeOrder', { orderId: order.id, from: view.status }))}
          >
            {t('complete')}
          </button>
        )}
        {!view.paidAt && view.status !== 'rejected' && view.status !== 'cancelled' && (
          <button
            type="button"
            className="secondary"
            onClick={act(() => enqueue(db, 'markPaid', { orderId: order.id, paid: true }))}
          >
            {t(view.payment === 'bank_transfer' ? 'confirmTransfer' : 'markPaid')}
          </button>
        )}
      </div>
    </li>
  );
}
