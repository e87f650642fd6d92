import { formatWon } from '../../../domain/money';
import { priceOrder } from '../../../domain/pricing';
import { useT } from '../../../i18n';
import { orderLabel } from '../../../i18n/orderLabel';
import { errorMessage } from '../../../protocol/errors';
import type { HandoffOrder } from '../../../protocol/handoff';
import { Alert } from '../../../ui/Alert';
import { formatShopDate } from '../../dates';
import { orderProblem } from './orderChecks';
import { OrderLines } from './OrderLines';
import type { IntakeData } from './useIntakeData';
import type { ReactNode } from 'react';
import { UserText } from '../../../ui/UserText';

/**
 * The decoded order as the customer sent it, priced from this tablet's menu, for a person to confirm
 * before it becomes an order. What the server would refuse (the slot filled up meanwhile, the time
 * has passed) is said here and creating is not offered: the shop calls the customer instead.
 */
export function HandoffPreview({
  order,
  data,
  now,
  busy,
  onCreate,
  onDiscard,
}: {
  order: HandoffOrder;
  data: IntakeData;
  now: Date;
  busy: boolean;
  onCreate: () => void;
  onDiscard: () => void;
}) {
  const { lang, t } = useT();
  const priced = priceOrder(data.catalogue, order.lines, order.date);
  const problem = orderProblem(now, order, data);
  const fields: [string, ReactNode][] = [
    // Provisional until the server numbers it: the same "임시 K7Q2" the customer's text message shows.
    [t('smsOrderNumber'), orderLabel({ id: order.orderId }, lang)],
    [
      t('smsCustomer'),
      order.customerName || order.customerPhone ? (
        <>
          {order.customerName && <UserText>{order.customerName}</UserText>}
          {order.customerName && order.customerPhone && ' · '}
          {order.customerPhone}
        </>
      ) : (
        '—'
      ),
    ],
    [
      t('smsHow'),
      order.fulfilment === 'pickup' ? (
        t('fulfilPickup')
      ) : (
        <>
          {t('fulfilDelivery')} · <UserText>{order.address}</UserText>
        </>
      ),
    ],
    [t('smsWhen'), `${formatShopDate(order.date, lang)} ${order.slot ?? t('intakeAsap')}`],
    [t('smsPayment'), t(order.payment === 'at_pickup' ? 'payAtPickup' : 'payBankTransfer')],
  ];
  if (order.note) fields.push([t('orderNote'), <UserText>{order.note}</UserText>]);
  return (
    <section aria-labelledby="sms-confirm-title" className="intake-preview">
      <h3 id="sms-confirm-title">{t('smsConfirmTitle')}</h3>
      <p className="muted">{t('smsConfirmLead')}</p>
      <dl className="intake-fields">
        {fields.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h4 id="sms-lines-title">{t('intakeLines')}</h4>
      <OrderLines
        lines={order.lines}
        priced={priced.ok ? priced.lines : null}
        catalogue={data.catalogue}
        labelledBy="sms-lines-title"
      />
      {priced.ok && (
        <p className="price">
          {t('total')}: {formatWon(priced.total, lang)}
        </p>
      )}
      <Alert error={problem && t('smsCannotCreate', { reason: errorMessage(problem, lang) })} />
      <div className="row">
        <button type="button" onClick={onCreate} disabled={busy || problem !== null}>
          {t('smsCreate')}
        </button>
        <button type="button" className="secondary" onClick={onDiscard}>
          {t('smsDiscard')}
        </button>
      </div>
    </section>
  );
}
