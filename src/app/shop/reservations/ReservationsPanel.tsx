import { useState } from 'react';
import type { ClientDb, LocalOrder } from '../../../client/db';
import type { Order } from '../../../domain/order';
import { pickupListOf, productionOf } from '../../../domain/production';
import { addDays, type Schedule } from '../../../domain/schedule';
import { useT } from '../../../i18n';
import { formatDay } from '../../../print/format';
import { printDocument } from '../print/printJob';
import { Field } from '../../../ui/Field';
import { useLive } from '../../useDeviceSync';
import type { ShopPanelProps } from '../panel';
import { AutoPrintSettings } from '../print/AutoPrintSettings';
import { QrPosterButton } from '../print/QrPosterButton';
import { DayCalendar } from './DayCalendar';
import { PickupTable } from './PickupTable';
import { ProductionSheet } from './ProductionSheet';
import { SlotUse } from './SlotUse';
import { useShopToday } from './useShopToday';
import './reservations.css';
import { UserText } from '../../../ui/UserText';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** What the screen shows of the tablet's orders: its own view, server copy plus pending changes. */
const views = (orders: LocalOrder[] | undefined): Order[] =>
  (orders ?? []).flatMap((o) => (o.view ? [o.view] : []));

/**
 * The cake shop's Saturday: the pre-order window as a calendar with slot use, and for a chosen day
 * what to make (production list) and who comes when (pickup list), both printable on A4. Everything
 * is read from this tablet's own database, so it works with the network down.
 */
export function ReservationsPanel({ me, sync }: ShopPanelProps) {
  const { t } = useT();
  const db = sync?.db;
  const schedule = useLive(db, (d) => d.getMeta<Schedule>('schedule'), 'schedule');
  const today = useShopToday(schedule?.timeZone);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <section aria-labelledby="reservations-title">
      <div className="row">
        <h2 id="reservations-title">{t('tabReservations')}</h2>
        <QrPosterButton shopName={me.shop.name} slug={me.shop.slug} />
      </div>
      {!db || !schedule || !today ? (
        <p className="muted">{t('resNoSchedule')}</p>
      ) : (
        <Reservations
          db={db}
          schedule={schedule}
          today={today}
          day={chosen ?? today}
          onDay={setChosen}
          shopName={me.shop.name}
        />
      )}
      {db && <AutoPrintSettings db={db} />}
    </section>
  );
}

function Reservations({
  db,
  schedule,
  today,
  day,
  onDay,
  shopName,
}: {
  db: ClientDb;
  schedule: Schedule;
  today: string;
  day: string;
  onDay: (date: string) => void;
  shopName: string;
}) {
  const { lang, t } = useT();
  const last = addDays(today, Math.max(0, schedule.preorderDays));
  const days = Array.from({ length: Math.max(0, schedule.preorderDays) + 1 }, (_, i) => addDays(today, i));
  // The `view.date` index: the window's and the day's orders without reading the shop's history.
  const windowOrders = useLive(
    db,
    (d) => d.orders.where('view.date').between(today, last, true, true).toArray(),
    `window:${today}:${last}`,
  );
  const dayOrders = useLive(db, (d) => d.orders.where('view.date').equals(day).toArray(), `day:${day}`);
  const orders = views(dayOrders);
  const production = productionOf(orders, day);
  const pickups = pickupListOf(orders, day);
  const dayName = formatDay(day, lang);
  const prodTitle = t('prodTitleDay', { date: dayName });
  const pickTitle = t('pickListTitleDay', { date: dayName });

  const printProduction = () =>
    void printDocument(
      <section className="print-sheet">
        <h1>
          <UserText>{shopName}</UserText> · {prodTitle}
        </h1>
        <ProductionSheet production={production} print />
      </section>,
      'a4',
    );
  const printPickups = () =>
    void printDocument(
      <section className="print-sheet">
        <h1>
          <UserText>{shopName}</UserText> · {pickTitle}
        </h1>
        <PickupTable orders={pickups} caption={pickTitle} shopName={shopName} print />
      </section>,
      'a4',
    );

  return (
    <>
      <h3 id="res-calendar-title">{t('resCalendar')}</h3>
      <p className="muted">{t('resCalendarHint')}</p>
      <DayCalendar
        days={days}
        orders={views(windowOrders)}
        schedule={schedule}
        today={today}
        selected={day}
        onSelect={onDay}
      />
      <Field
        label={t('resOtherDate')}
        type="date"
        value={day}
        onChange={(e) => DATE_PATTERN.test(e.target.value) && onDay(e.target.value)}
      />
      <h3>{t('resSlots', { date: dayName })}</h3>
      <SlotUse date={day} title={t('resSlots', { date: dayName })} orders={orders} schedule={schedule} />

      <section aria-labelledby="res-production-title" className="res-section">
        <div className="row">
          <h3 id="res-production-title">{prodTitle}</h3>
          <button
            type="button"
            className="secondary"
            onClick={printProduction}
            disabled={production.orders === 0}
          >
            {t('prodPrint')}
          </button>
        </div>
        <ProductionSheet production={production} />
      </section>

      <section aria-labelledby="res-pickup-title" className="res-section">
        <div className="row">
          <h3 id="res-pickup-title">{pickTitle}</h3>
          <button type="button" className="secondary" onClick={printPickups} disabled={pickups.length === 0}>
            {t('pickListPrint')}
          </button>
        </div>
        <PickupTable orders={pickups} caption={pickTitle} shopName={shopName} />
      </section>
    </>
  );
}
