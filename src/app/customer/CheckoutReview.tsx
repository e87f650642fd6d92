import { useEffect, useRef } from 'react';
import { isolate } from '../../domain/bidi';
import type { PaymentMethod } from '../../domain/checkout';
import { formatWon } from '../../domain/money';
import type { Fulfilment, PricedLine } from '../../domain/order';
import { useT } from '../../i18n';
import { UserText, UserTextList } from '../../ui/UserText';
import { formatShopDate } from '../dates';
import { BankTransferInfo } from './BankTransferInfo';
import { transferPayByIfNow } from './transferPayByIfNow';

export interface ReviewedOrder {
  lines: PricedLine[];
  fulfilment: Fulfilment;
  date: string;
  slot: string | null;
  address: string;
  name: string;
  phone: string;
  note: string;
  payment: PaymentMethod;
  deliveryFee: number;
  total: number;
}

/**
 * The last look before the order is sent (#16: it used to go in one tap): what, when, where, who,
 * how to pay, the total and the shop's own notice, with the final button below them all. Focus
 * lands on the heading so a screen reader starts at the top of the summary.
 */
export function CheckoutReview({
  order,
  shop,
  bankAccount,
  busy,
  onEdit,
  onPlace,
}: {
  order: ReviewedOrder;
  /** The deadline setting and zone (#16), when this phone's copy of the shop has them. */
  shop: { address: string; notice: string; timeZone?: string; transferDeadlineMinutes?: number };
  bankAccount: string;
  busy: boolean;
  onEdit: () => void;
  onPlace: () => void;
}) {
  const { lang, t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const day = formatShopDate(order.date, lang);
  const when = order.slot === null ? t('reviewAsap', { date: day }) : `${day} ${order.slot}`;
  const where =
    order.fulfilment === 'delivery'
      ? t('reviewDeliverTo', { address: isolate(order.address) })
      : shop.address
        ? t('reviewPickupAt', { address: isolate(shop.address) })
        : t('reviewPickupHere');
  const who = [order.name.trim(), order.phone.trim()].filter(Boolean).join(' · ');
  return (
    <section className="checkout checkout-review" aria-labelledby="review-title">
      <h2 id="review-title" ref={heading} tabIndex={-1}>
        {t('reviewTitle')}
      </h2>
      <dl className="review-list">
        <dt>{t('reviewItems')}</dt>
        <dd>
          <ul className="plain-list">
            {order.lines.map((l, i) => (
              <li key={i} className="review-line">
                <span>
                  <UserText>{l.name}</UserText> × {l.quantity}
                  {l.options.length > 0 && (
                    <span className="muted">
                      {' '}
                      (<UserTextList items={l.options.map((o) => o.name)} />)
                    </span>
                  )}
                </span>
                <span>{formatWon(l.lineTotal, lang)}</span>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('reviewWhen')}</dt>
        <dd>{when}</dd>
        <dt>{t('reviewWhere')}</dt>
        <dd dir="auto">{where}</dd>
        <dt>{t('reviewWho')}</dt>
        <dd>{who ? <UserText>{who}</UserText> : t('reviewNoContact')}</dd>
        {order.note.trim() && (
          <>
            <dt>{t('orderNote')}</dt>
            <dd className="review-note">
              <UserText>{order.note}</UserText>
            </dd>
          </>
        )}
        <dt>{t('reviewPayment')}</dt>
        <dd>{t(order.payment === 'at_pickup' ? 'payAtPickup' : 'payBankTransfer')}</dd>
        <dt>{t('total')}</dt>
        <dd className="price">
          {order.deliveryFee > 0 && (
            <span className="muted">
              {t('itemsSubtotal', { amount: formatWon(order.total - order.deliveryFee, lang) })} ·{' '}
            </span>
          )}
          <strong>{formatWon(order.total, lang)}</strong>
        </dd>
      </dl>
      {order.payment === 'bank_transfer' && (
        <BankTransferInfo
          account={bankAccount}
          amount={order.total}
          timeZone={shop.timeZone}
          payByIfNow={
            shop.timeZone ? transferPayByIfNow(order, shop.transferDeadlineMinutes, shop.timeZone) : undefined
          }
        />
      )}
      {shop.notice.trim() && (
        <section className="notice" aria-labelledby="review-rules">
          <h3 id="review-rules">{t('reviewShopRules')}</h3>
          <p>
            <UserText>{shop.notice}</UserText>
          </p>
        </section>
      )}
      <div className="row review-actions">
        <button type="button" className="secondary" onClick={onEdit}>
          {t('reviewEdit')}
        </button>
        <button type="button" onClick={onPlace} disabled={busy} aria-busy={busy}>
          {t('placeOrderTotal', { total: formatWon(order.total, lang) })}
        </button>
      </div>
    </section>
  );
}
