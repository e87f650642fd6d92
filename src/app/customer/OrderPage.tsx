import { useEffect, useState, type ReactNode } from 'react';
import { enqueue } from '../../client/outbox';
import { orderDisplay } from '../../client/orderState';
import { shareSecretOf } from '../../client/shareSecrets';
import { formatWon } from '../../domain/money';
import { useT } from '../../i18n';
import { orderLabel } from '../../i18n/orderLabel';
import { CopyButton } from '../../ui/CopyButton';
import type { MutationArgs } from '../../protocol/sync';
import { OrderStatus } from '../OrderStatus';
import { navigate } from '../router';
import { useLive, type DeviceSync } from '../useDeviceSync';
import { BankTransferInfo } from './BankTransferInfo';
import { TransferLapsed } from './TransferLapsed';
import { depositorName, depositorReference } from '../../domain/transferDeadline';
import { formatShopDate } from '../dates';
import { HandOff } from './HandOff';
import { PushToggle } from './PushToggle';
import type { PublicShop } from './publicShop';
import { UserText, UserTextList } from '../../ui/UserText';

/** How long an order may sit only on the phone before the text-message hand-off is offered. */
const HANDOFF_AFTER_MS = 8_000;

/** Re-renders every second while `active`: the hand-off appears once the honest wait is over. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [active]);
  return now;
}

/** One order as this phone knows it: its honest state, live; what was ordered; what to do next. */
export function OrderPage({
  data,
  slug,
  sync,
  orderId,
  fallback,
}: {
  data: PublicShop;
  slug: string;
  sync: DeviceSync;
  orderId: string;
  /** Shown when this phone has no such order (a link shared from another phone). */
  fallback: ReactNode;
}) {
  const { lang, t } = useT();
  const { db } = sync;
  const found = useLive(
    db,
    async (d) => ({
      order: (await d.orders.get(orderId)) ?? null,
      placing: (await d.outbox.where('orderId').equals(orderId).toArray()).find(
        (e) => e.name === 'placeOrder',
      ),
      secret: await shareSecretOf(d, orderId),
    }),
    `order-${orderId}`,
  );
  const state = found?.order ? orderDisplay(found.order).state : null;
  const now = useNow(state === 'saved');
  if (!found) return <p className="loading">{t('loading')}</p>;
  const { order, placing, secret } = found;
  if (!order) return fallback ?? <p>{t('orderNotOnPhone')}</p>;
  const view = order.view ?? order.server ?? order.draft;
  const base = `/s/${encodeURIComponent(slug)}`;
  const shareUrl = secret ? `${location.origin}${base}/o/${orderId}#${secret}` : null;
  const waitedLong = state === 'saved' && now - order.createdAt > HANDOFF_AFTER_MS;
  return (
    <article className="order-page" aria-labelledby="order-title">
      <h2 id="order-title">
        {t('orderNumber', { label: orderLabel({ id: orderId, number: view?.number }, lang) })}
      </h2>
      <OrderStatus order={order} timeZone={data.shop.timeZone} />
      {view && <TransferLapsed order={view} timeZone={data.shop.timeZone} />}
      {waitedLong && placing && (
        <HandOff
          order={order}
          args={placing.args as MutationArgs<'placeOrder'>}
          shop={data.shop}
          slug={slug}
        />
      )}
      {view && (
        <>
          <ul className="plain-list">
            {view.lines.map((l, i) => (
              <li key={i} className="row">
                <span>
                  <UserText>{l.name}</UserText> × {l.quantity}
                  {l.options.length > 0 && (
                    <span className="muted">
                      {' ('}
                      <UserTextList items={l.options.map((o) => o.name)} />)
                    </span>
                  )}
                </span>
                <span>{formatWon(l.lineTotal, lang)}</span>
              </li>
            ))}
          </ul>
          {!!view.deliveryFee && <p>{t('deliveryFeeLine', { fee: formatWon(view.deliveryFee, lang) })}</p>}
          <p className="price">
            {t('total')}: {formatWon(view.total, lang)}
          </p>
          <p>
            {t(view.fulfilment === 'pickup' ? 'fulfilPickup' : 'fulfilDelivery')} ·{' '}
            {formatShopDate(view.date, lang)} {view.slot ?? t('pickupAsap')}
          </p>
          {view.fulfilment === 'delivery' && (
            <p>
              <UserText>{view.address}</UserText>
            </p>
          )}
          {view.note && (
            <p className="muted">
              <UserText>{view.note}</UserText>
            </p>
          )}
          <p>
            {t(view.payment === 'at_pickup' ? 'payAtPickup' : 'payBankTransfer')}
            {view.paidAt && ` · ${t('paid')}`}
          </p>
          {view.payment === 'bank_transfer' &&
            !view.paidAt &&
            (state === 'saved' || state === 'sent' || state === 'received' || state === 'accepted') && (
              <BankTransferInfo
                account={data.shop.bankAccount}
                amount={view.total}
                depositor={depositorName(view.customerName, depositorReference(view.id))}
                payBy={view.payBy}
                timeZone={data.shop.timeZone}
              />
            )}
        </>
      )}
      <div className="row actions">
        {view?.status === 'placed' && state !== 'refused' && (
          <button
            type="button"
            className="secondary"
            onClick={() => void enqueue(db, 'cancelOrder', { orderId }).then(sync.kick)}
          >
            {t('cancelOrder')}
          </button>
        )}
        <a
          href={`${base}/chat/${orderId}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`${base}/chat/${orderId}`);
          }}
        >
          {t('askAboutOrder')}
        </a>
      </div>
      {/* A refused order has no link on the server: none is offered. */}
      {shareUrl && state !== 'refused' && (
        <ShareLink url={shareUrl} delivery={view?.fulfilment === 'delivery'} />
      )}
      {order.ackedAt !== null && state !== 'refused' && <PushToggle slug={slug} />}
    </article>
  );
}

function ShareLink({ url, delivery }: { url: string; delivery: boolean }) {
  const { t } = useT();
  return (
    <p className="row share">
      <span className="muted">{t(delivery ? 'shareLinkLeadDelivery' : 'shareLinkLead')}</span>
      <CopyButton text={url} label={t('copyShareLink')} />
    </p>
  );
}
