import type { ClientDb } from '../../client/db';
import { enqueue } from '../../client/outbox';
import { orderDisplay } from '../../client/orderState';
import { formatWon } from '../../domain/money';
import { useT } from '../../i18n';
import { OrderStatus } from '../OrderStatus';
import { useLive } from '../useDeviceSync';

/** This phone's orders, newest first, each with its honest state; works offline from the device's copy. */
export function MyOrders({ db }: { db: ClientDb }) {
  const { lang, t } = useT();
  const orders = useLive(db, (d) => d.orders.orderBy('createdAt').reverse().toArray(), 'my-orders');
  if (!orders?.length) return null;
  return (
    <section aria-labelledby="my-orders">
      <h2 id="my-orders">{t('myOrders')}</h2>
      <ul className="plain-list">
        {orders.map((o) => {
          const view = o.view ?? o.server ?? o.draft;
          const state = orderDisplay(o).state;
          const label = t('orderNumber', { id: o.id.slice(0, 8) });
          return (
            <li key={o.id} className="order-card" aria-label={label}>
              <h3>{label}</h3>
              <p>
                {view?.lines.map((l) => `${l.name} × ${l.quantity}`).join(', ')} ·{' '}
                {formatWon(view?.total ?? 0, lang)}
              </p>
              <OrderStatus order={o} />
              {['saved', 'sent', 'received'].includes(state) && view?.status === 'placed' && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void enqueue(db, 'cancelOrder', { orderId: o.id })}
                >
                  {t('cancelOrder')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
