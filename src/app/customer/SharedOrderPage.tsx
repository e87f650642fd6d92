import { useEffect, useState } from 'react';
import { call } from '../../client/api';
import { formatWon } from '../../domain/money';
import { useT, type MessageKey } from '../../i18n';
import type { RouteResponse } from '../../protocol/routes';
import { Alert } from '../../ui/Alert';
import { formatShopDate, formatShopTime } from '../dates';
import { Msg, UserText } from '../../ui/UserText';

type Shared = RouteResponse<'sharedOrder'>;
/** Someone holding a shared link has no device stream: a gentle poll keeps the page current. */
const POLL_MS = 15_000;

const LABEL: Record<Shared['status'], MessageKey> = {
  placed: 'stateSent',
  accepted: 'stateAccepted',
  ready: 'stateReady',
  completed: 'stateCompleted',
  rejected: 'stateRejected',
  cancelled: 'stateCancelled',
};

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
  const state = order.status === 'placed' && order.receivedAt ? 'stateReceived' : LABEL[order.status];
  return (
    <article className="order-page" aria-labelledby="order-title">
      <h2 id="order-title">{t('orderNumber', { id: order.id.slice(0, 8) })}</h2>
      <p role="status">
        <Msg
          text={t(state)}
          vars={{ time: order.readyBy ? formatShopTime(order.readyBy, timeZone, lang) : '' }}
          user={{ reason: order.rejectReason }}
        />
      </p>
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
