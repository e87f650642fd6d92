import { useEffect, useState } from 'react';
import { call } from '../../client/api';
import { formatWon } from '../../domain/money';
import { useT } from '../../i18n';
import { orderLabel } from '../../i18n/orderLabel';
import { customerStateKey, stateVars } from '../orderWords';
import type { RouteResponse } from '../../protocol/routes';
import { Alert } from '../../ui/Alert';
import { formatShopDate } from '../dates';
import { Msg, UserText } from '../../ui/UserText';
import { TransferLapsed } from './TransferLapsed';

type Shared = RouteResponse<'sharedOrder'>;
/** Someone holding a shared link has no device stream: a gentle poll keeps the page current. */
const POLL_MS = 15_000;

/** An order opened from a link the customer shared: its progress only, never who ordered it. */
export function SharedOrderPage({
  slug,
  orderId,
  secret,
  timeZone,
}: {
  slug: string;
  orderId: string;
  secret: string;
  timeZone: string;
}) {
  const { lang, t } = useT();
  const [order, setOrder] = useState<Shared | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      call('sharedOrder', { params: { slug }, body: { orderId, secret }, lang }).then(
        (o) => live && (setOrder(o), setError(null)),
        (e: Error) => live && setError(e.message),
      );
    void load();
    const id = setInterval(() => void load(), POLL_MS);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [slug, orderId, secret, lang]);
  if (!order) return error ? <Alert error={error} /> : <p className="loading">{t('loading')}</p>;
  // The same words as the customer's own page, less what only the customer's phone knows (saved, refused).
  const honest = order.status === 'placed' ? (order.receivedAt ? 'received' : 'sent') : order.status;
  const state = customerStateKey(honest, order);
  return (
    <article className="order-page" aria-labelledby="order-title">
      <h2 id="order-title">{t('orderNumber', { label: orderLabel(order, lang) })}</h2>
      <p role="status">
        <Msg text={t(state)} vars={stateVars(order, lang, timeZone)} user={{ reason: order.rejectReason }} />
      </p>
      <TransferLapsed order={order} timeZone={timeZone} />
      <ul className="plain-list">
        {order.lines.map((l, i) => (
          <li key={i}>
            <UserText>{l.name}</UserText> × {l.quantity}
          </li>
        ))}
      </ul>
      <p className="price">
        {t('total')}: {formatWon(order.total, lang)}
      </p>
      <p>
        {formatShopDate(order.date, lang)} {order.slot ?? t('pickupAsap')}
      </p>
      <Alert error={error} />
    </article>
  );
}
