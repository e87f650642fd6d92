import { formatWon } from '../../../domain/money';
import type { Order } from '../../../domain/order';
import { optionGroupLines } from '../../../domain/production';
import { useT } from '../../../i18n';
import { orderLabel } from '../../../i18n/orderLabel';
import { PrintButton } from '../print/PrintButton';
import { slotLabel, statusLabel } from './labels';
import { kindLabel } from './kindLabel';
import { UserText, UserTextList } from '../../../ui/UserText';

/**
 * Who comes when: one row per standing order of the day, by pickup slot, with what they ordered, how
 * much, how they pay and whether they have, and where the order stands. On screen each row can print
 * its slip or receipt; the printed list leaves those buttons out.
 */
export function PickupTable({
  orders,
  caption,
  shopName,
  print = false,
}: {
  orders: Order[];
  caption: string;
  shopName: string;
  print?: boolean;
}) {
  const { lang, t } = useT();
  if (orders.length === 0) return <p className="muted">{t('pickListEmpty')}</p>;
  return (
    <div className="res-table-wrap">
      <table className="res-table res-pickup">
        <caption>{caption}</caption>
        {/* Fixed widths (reservations.css): the table fits a tablet and A4 whatever is typed in it. */}
        <colgroup>
          <col className="res-col-time" />
          <col className="res-col-order" />
          <col className="res-col-name" />
          <col className="res-col-phone" />
          <col />
          <col className="res-col-total" />
          <col className="res-col-pay" />
          <col className="res-col-status" />
          {!print && <col className="res-col-print" />}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              {t('pickListTime')} · {t('listKind')}
            </th>
            <th scope="col">{t('pickListOrder')}</th>
            <th scope="col">{t('pickListCustomer')}</th>
            <th scope="col">{t('pickListPhone')}</th>
            <th scope="col">{t('pickListLines')}</th>
            <th scope="col" className="num">
              {t('pickListTotal')}
            </th>
            <th scope="col">{t('pickListPayment')}</th>
            <th scope="col">{t('pickListStatus')}</th>
            {!print && <th scope="col">{t('pickListPrintColumn')}</th>}
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}>
              <td className="res-time">
                {slotLabel(o.slot, t)}
                <br />
                <span className={`res-kind res-kind-${o.fulfilment}`}>{t(kindLabel(o))}</span>
              </td>
              <td>{orderLabel(o, lang)}</td>
              <th scope="row" className="res-name">
                <UserText>{o.customerName || '—'}</UserText>
              </th>
              <td className="res-phone">{o.customerPhone || '—'}</td>
              <td>
                <ul className="plain-list">
                  {o.lines.map((l, i) => (
                    <li key={i}>
                      <UserText>{l.name}</UserText> × {l.quantity}
                      {l.options.length > 0 && (
                        <>
                          {' ('}
                          <UserTextList items={optionGroupLines(l.options.map((x) => x.name))} sep=" / " />)
                        </>
                      )}
                    </li>
                  ))}
                </ul>
                {o.fulfilment === 'delivery' && (
                  <p className="res-note">
                    {t('listAddress')}: <UserText>{o.address || '—'}</UserText>
                  </p>
                )}
                {o.note && (
                  <p className="res-note">
                    {t('slipNote')}: <UserText>{o.note}</UserText>
                  </p>
                )}
              </td>
              <td className="num">{formatWon(o.total, lang)}</td>
              <td className="res-pay">
                {t(o.payment === 'bank_transfer' ? 'payBankTransfer' : 'payAtPickup')}
                <br />
                <strong className={o.paidAt ? 'res-paid' : 'res-unpaid'}>
                  {t(o.paidAt ? 'paid' : 'unpaid')}
                </strong>
              </td>
              <td className="res-status">{t(statusLabel(o))}</td>
              {!print && (
                <td>
                  <PrintButton order={o} shopName={shopName} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
