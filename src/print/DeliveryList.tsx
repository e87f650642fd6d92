import { Fragment } from 'react';
import { formatWon } from '../domain/money';
import type { Order } from '../domain/order';
import { useT } from '../i18n';
import type { Lang } from '../protocol/lang';
import { formatDay } from './format';
import { orderLabel } from '../i18n/orderLabel';
import { UserText } from '../ui/UserText';

/** One stop of the day's deliveries, in the suggested visiting order (null: no pin, at the end). */
export interface DeliveryStop {
  order: Order;
  stop: number | null;
}

/** What the rider collects at the door: nothing when the shop has already seen the money. */
export function amountToCollect(o: Order): number {
  return o.paidAt ? 0 : o.total;
}

/**
 * The day's deliveries on an A4 sheet for a rider without the app: stop number, address, phone,
 * items and the amount to collect. Plain text, so it survives any printer and a photocopy.
 */
export function DeliveryList({ date, stops, lang }: { date: string; stops: DeliveryStop[]; lang: Lang }) {
  const { t } = useT();
  return (
    <article className="delivery-list" aria-label={t('deliveryListTitle', { date: formatDay(date, lang) })}>
      <h1>{t('deliveryListTitle', { date: formatDay(date, lang) })}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('colStop')}</th>
            <th scope="col">{t('colAddress')}</th>
            <th scope="col">{t('colPhone')}</th>
            <th scope="col">{t('colItems')}</th>
            <th scope="col">{t('colCollect')}</th>
          </tr>
        </thead>
        <tbody>
          {stops.map(({ order: o, stop }) => (
            <tr key={o.id}>
              <td>{stop ?? '–'}</td>
              <td>
                {o.address ? <UserText>{o.address}</UserText> : t('deliveriesNoPin')}
                <br />
                <small>
                  {orderLabel(o, lang)} <UserText>{o.customerName}</UserText>
                </small>
              </td>
              <td>{o.customerPhone}</td>
              <td>
                {o.lines.map((l, i) => (
                  <Fragment key={i}>
                    {i > 0 && ', '}
                    <UserText>{l.name}</UserText> ×{l.quantity}
                  </Fragment>
                ))}
              </td>
              <td>{o.paidAt ? t('collectPaid') : formatWon(amountToCollect(o), lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
