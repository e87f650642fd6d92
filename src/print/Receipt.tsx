import { formatWon } from '../domain/money';
import type { Order } from '../domain/order';
import { useT } from '../i18n';
import { formatDay, formatMoment } from './format';
import { orderLabel } from '../i18n/orderLabel';
import { OrderLines } from './OrderLines';
import { UserText } from '../ui/UserText';

/** The customer's receipt: the shop, the lines with prices, the total, how it is paid and whether it is. */
export function Receipt({
  order,
  shopName,
  timeZone,
}: {
  order: Order;
  shopName: string;
  timeZone?: string;
}) {
  const { lang, t } = useT();
  return (
    <article className="slip receipt" aria-label={t('receiptTitle')}>
      <h1 className="receipt-shop">
        <UserText>{shopName}</UserText>
      </h1>
      <p className="slip-kind">{t('receiptTitle')}</p>
      <hr />
      <p className="receipt-row">
        <span>{t('slipOrder', { label: orderLabel(order, lang) })}</span>
        <span>{t(order.fulfilment === 'delivery' ? 'slipFulfilDelivery' : 'slipFulfilPickup')}</span>
      </p>
      <p className="receipt-row">
        <span>{t('receiptDate')}</span>
        <span>{formatMoment(order.createdAt, lang, timeZone)}</span>
      </p>
      <p>
        {t(order.fulfilment === 'delivery' ? 'slipDelivery' : 'slipPickup', {
          date: formatDay(order.date, lang),
          slot: order.slot ?? t('slipAsap'),
        })}
      </p>
      {order.customerName && (
        <p className="receipt-row">
          <span>{t('slipCustomer')}</span>
          <UserText>{order.customerName}</UserText>
        </p>
      )}
      <hr />
      <OrderLines lines={order.lines} lang={lang} prices />
      {!!order.deliveryFee && (
        <p className="receipt-row">
          <span>{t('deliveryFee')}</span>
          <span>{formatWon(order.deliveryFee, lang)}</span>
        </p>
      )}
      <hr />
      <p className="receipt-row receipt-total">
        <span>{t('receiptTotal')}</span>
        <span>{formatWon(order.total, lang)}</span>
      </p>
      <p className="receipt-row">
        <span>{t('receiptPayment')}</span>
        <span>{t(order.payment === 'bank_transfer' ? 'payBankTransfer' : 'payAtPickup')}</span>
      </p>
      <p className="receipt-row">
        <span>{t('receiptPaidState')}</span>
        <span>{t(order.paidAt ? 'paid' : 'unpaid')}</span>
      </p>
      <hr />
      <p className="receipt-thanks">{t('receiptThanks')}</p>
    </article>
  );
}
