import { useMemo } from 'react';
import type { DeliveryZones } from '../../../domain/deliveryZones';
import { shopLocalDate } from '../../../domain/hours';
import { formatWon } from '../../../domain/money';
import { isActive, type Order } from '../../../domain/order';
import { pathMeters, visitingOrder } from '../../../domain/route';
import type { Schedule } from '../../../domain/schedule';
import { DELIVERY_ZONES } from '../../../client/outbox';
import { useT } from '../../../i18n';
import { FALLBACK_CENTER, MapView, type MapConfig } from '../../../map/MapView';
import { DeliveryList, type DeliveryStop, amountToCollect } from '../../../print/DeliveryList';
import { orderLabel } from '../../../i18n/orderLabel';
import { useLive } from '../../useDeviceSync';
import type { ShopPanelProps } from '../panel';
import { printDocument } from '../print/printJob';
import { isolate } from '../../../domain/bidi';
import { UserText } from '../../../ui/UserText';

/** The day's delivery orders still to go out, with a pin or without. */
export function stopsOf(orders: readonly Order[], shop: DeliveryZones['shopLocation']): DeliveryStop[] {
  const open = orders.filter(
    (o) => o.fulfilment === 'delivery' && isActive(o.status) && o.status !== 'completed',
  );
  const pinned = open.filter((o) => o.location);
  const rest = open.filter((o) => !o.location);
  const order = shop
    ? visitingOrder(
        shop,
        pinned.map((o) => o.location!),
      )
    : pinned.map((_, i) => i);
  return [
    ...order.map((i, n) => ({ order: pinned[i]!, stop: n + 1 })),
    ...rest.map((o) => ({ order: o, stop: null })),
  ];
}

/**
 * Today's deliveries on this tablet's copy of the orders (works offline): numbered pins in the
 * suggested visiting order from the shop, the list, and a printable sheet for a rider without the app.
 */
export function TodayDeliveries({ sync, map }: ShopPanelProps & { map: MapConfig | undefined }) {
  const { lang, t } = useT();
  const db = sync?.db;
  const schedule = useLive(db, (d) => d.getMeta<Schedule>('schedule'), 'schedule');
  const zones = useLive(db, (d) => d.getMeta<DeliveryZones>(DELIVERY_ZONES), 'delivery-zones');
  const today = shopLocalDate(new Date(), schedule?.timeZone ?? 'Asia/Seoul');
  const orders = useLive(
    db,
    async (d) =>
      (await d.orders.where('view.date').equals(today).toArray()).flatMap((l) => (l.view ? [l.view] : [])),
    `deliveries-${today}`,
  );
  const shop = zones?.shopLocation ?? null;
  const stops = useMemo(() => stopsOf(orders ?? [], shop), [orders, shop]);
  const pinned = stops.filter((s) => s.stop !== null);
  const km = shop
    ? pathMeters(
        shop,
        pinned.map((s) => s.order.location!),
        pinned.map((_, i) => i),
      ) / 1000
    : 0;

  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">{t('deliveriesTitle')}</h2>
      {stops.length === 0 ? (
        <p className="muted">{t('deliveriesNone')}</p>
      ) : (
        <>
          <MapView
            config={map}
            label={t('deliveriesMapLabel')}
            center={shop ?? pinned[0]?.order.location ?? FALLBACK_CENTER}
            zoom={14}
            large
            scene={{
              shop,
              stops: pinned.map((s) => ({
                at: s.order.location!,
                n: s.stop!,
                title: `${s.stop}. ${isolate(s.order.address)}`,
              })),
            }}
            onReady={(m) => m.fit([...(shop ? [shop] : []), ...pinned.map((s) => s.order.location!)])}
          />
          {shop && pinned.length > 0 && (
            <p className="muted">{t('deliveriesOrderHint', { km: km.toFixed(1) })}</p>
          )}
          <ol className="plain-list delivery-stops" aria-label={t('deliveriesTitle')}>
            {stops.map(({ order: o, stop }) => (
              <li key={o.id}>
                <strong>{stop ?? '–'}.</strong>{' '}
                {o.address ? <UserText>{o.address}</UserText> : t('deliveriesNoPin')} · {orderLabel(o, lang)}{' '}
                · {o.customerPhone} · {o.paidAt ? t('collectPaid') : formatWon(amountToCollect(o), lang)}
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() => void printDocument(<DeliveryList date={today} stops={stops} lang={lang} />, 'a4')}
          >
            {t('printDeliveries')}
          </button>
        </>
      )}
    </section>
  );
}
