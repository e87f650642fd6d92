import type { Order } from '../domain/order';
import { useT } from '../i18n';
import { formatDay, formatMoment } from './format';
import { orderLabel } from '../i18n/orderLabel';
import { OrderLines } from './OrderLines';
import { UserText } from '../ui/UserText';

/**
 * What the kitchen needs, in large type: which order, when it is collected, what to make with every
 * option, and the customer's note. Customer text is rendered as text (React escapes it), isolated for direction (UserText).
 */
export function KitchenSlip({ order, timeZone }: { order: Order; timeZone?: string }) {
  const { lang, t } = useT();
  const when = t(order.fulfilment === 'delivery' ? 'slipDelivery' : 'slipPickup', {
    date: formatDay(order.date, lang),
    slot: order.slot ?? t('slipAsap'),
  });
  return (
    <article className="slip kitchen" aria-label={t('slipKitchen')}>
      <p className="slip-kind">
        {t('slipKitchen')} · {t(order.fulfilment === 'delivery' ? 'slipFulfilDelivery' : 'slipFulfilPickup')}
      </p>
      <h1 className="slip-number">{t('slipOrder', { label: orderLabel(order, lang) })}</h1>
      <p className="slip-when">{when}</p>
      <p className="slip-who">
        <UserText>{order.customerName || '—'}</UserText> {order.customerPhone}
      </p>
      <hr />
      <OrderLines lines={order.lines} lang={lang} prices={false} />
      {order.note && (
        <p className="slip-note">
          {t('slipNote')}: <UserText>{order.note}</UserText>
        </p>
      )}
      {order.fulfilment === 'delivery' && order.address && (
        <p className="slip-who">
          {t('slipAddress')}: <UserText>{order.address}</UserText>
        </p>
      )}
      <hr />
      <p className="slip-small">
        {t('slipOrderedAt', { time: formatMoment(order.createdAt, lang, timeZone) })}
      </p>
    </article>
  );
}
