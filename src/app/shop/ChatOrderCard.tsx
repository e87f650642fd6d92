import type { ClientDb } from '../../client/db';
import { formatWon } from '../../domain/money';
import { useT } from '../../i18n';
import { orderLabel } from '../../i18n/orderLabel';
import { OrderStatus } from '../OrderStatus';
import { useLive } from '../useDeviceSync';
import { Msg, UserText, UserTextList } from '../../ui/UserText';

/**
 * The order a conversation is about, next to the chat: what was ordered, for when, and where it
 * stands, so the shop answers "is my order ready?" without leaving the inbox.
 */
export function ChatOrderCard({
  db,
  orderId,
  onClose,
}: {
  db: ClientDb;
  orderId: string;
  onClose: () => void;
}) {
  const { lang, t } = useT();
  const order = useLive(db, (d) => d.orders.get(orderId), `chat-order:${orderId}`);
  const label = t('orderNumber', {
    label: orderLabel({ id: orderId, number: (order?.view ?? order?.server)?.number }, lang),
  });
  const view = order?.view;
  return (
    <section className="order-card chat-order-card" aria-label={label}>
      <h4>{label}</h4>
      {order === undefined || !view ? (
        <p className="muted">{t('chatOrderUnknown')}</p>
      ) : (
        <>
          <p>
            <Msg
              text={t('orderFrom')}
              user={{ name: view.customerName || '—', phone: view.customerPhone || '—' }}
            />
          </p>
          <p>
            {t(view.fulfilment === 'delivery' ? 'deliveryAt' : 'pickupAt', {
              date: view.date,
              slot: view.slot ?? t('pickupAsap'),
            })}
          </p>
          <ul>
            {view.lines.map((l, i) => (
              <li key={i}>
                <UserText>{l.name}</UserText> × {l.quantity}
                {l.options.length > 0 && (
                  <>
                    {' ('}
                    <UserTextList items={l.options.map((o) => o.name)} />)
                  </>
                )}
              </li>
            ))}
          </ul>
          <p className="price">{formatWon(view.total, lang)}</p>
          <OrderStatus order={order} />
        </>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        {t('close')}
      </button>
    </section>
  );
}
