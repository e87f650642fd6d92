import type { ClientDb } from '../../client/db';
import { formatWon } from '../../domain/money';
import { useT } from '../../i18n';
import { OrderStatus } from '../OrderStatus';
import { navigate } from '../router';
import { useLive } from '../useDeviceSync';
import { Fragment } from 'react';
import { UserText } from '../../ui/UserText';

/** This phone's orders, newest first, each with its honest state; works offline from the device's copy. */
export function MyOrders({ db, base }: { db: ClientDb; base: string }) {
  const { lang, t } = useT();
  const orders = useLive(db, (d) => d.orders.orderBy('createdAt').reverse().limit(20).toArray(), 'my-orders');
  if (!orders?.length) return null;
  return (
    <section aria-labelledby="my-orders">
      <h2 id="my-orders">{t('myOrders')}</h2>
      <ul className="plain-list">
        {orders.map((o) => {
          const view = o.view ?? o.server ?? o.draft;
          const label = t('orderNumber', { id: o.id.slice(0, 8) });
          const href = `${base}/o/${o.id}`;
          return (
            <li key={o.id} className="order-card" aria-label={label}>
              <h3>
                <a
                  href={href}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(href);
                  }}
                >
                  {label}
                </a>
              </h3>
              <p>
                {view?.lines.map((l, i) => (
                  <Fragment key={i}>
                    {i > 0 && ', '}
                    <UserText>{l.name}</UserText> × {l.quantity}
                  </Fragment>
                ))}{' '}
                · {formatWon(view?.total ?? 0, lang)}
              </p>
              <OrderStatus order={o} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
