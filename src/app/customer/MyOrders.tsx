import type { ClientDb } from '../../client/db';
import { formatWon } from '../../domain/money';
import { useT } from '../../i18n';
import { orderLabel } from '../../i18n/orderLabel';
import { OrderStatus } from '../OrderStatus';
import { navigate } from '../router';
import { useLive } from '../useDeviceSync';
import { Fragment } from 'react';
import { UserText } from '../../ui/UserText';
import type { KeptLine } from './cartCheck';

/** This phone's orders, newest first, each with its honest state; works offline from the device's copy. */
export function MyOrders({
  db,
  base,
  onOrderAgain,
}: {
  db: ClientDb;
  base: string;
  /** Fills the cart from a past order; the cart checks it against today's menu and says what changed. */
  onOrderAgain: (lines: KeptLine[], nameOf: (l: KeptLine) => string) => void;
}) {
  const { lang, t } = useT();
  const orders = useLive(db, (d) => d.orders.orderBy('createdAt').reverse().limit(20).toArray(), 'my-orders');
  if (!orders?.length) return null;
  return (
    <section aria-labelledby="my-orders">
      <h2 id="my-orders">{t('myOrders')}</h2>
      <ul className="plain-list">
        {orders.map((o) => {
          const view = o.view ?? o.server ?? o.draft;
          const label = t('orderNumber', { label: orderLabel({ id: o.id, number: view?.number }, lang) });
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
              {view && view.lines.length > 0 && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    // At the price paid then: a change since is told, not hidden (cartCheck).
                    const lines = view.lines.map((l) => ({
                      itemId: l.itemId,
                      quantity: l.quantity,
                      optionIds: l.options.map((opt) => opt.id),
                      unitPrice: l.unitPrice,
                    }));
                    const names = new Map(view.lines.map((l) => [l.itemId, l.name]));
                    onOrderAgain(lines, (l) => names.get(l.itemId) ?? '');
                    navigate(`${base}/cart`);
                  }}
                >
                  {t('orderAgain')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
