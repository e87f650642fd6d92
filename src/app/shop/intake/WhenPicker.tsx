import { useId } from 'react';
import type { Fulfilment } from '../../../domain/order';
import type { DayChoice } from '../../../domain/pickupOptions';
import { useT } from '../../../i18n';
import { formatShopDate } from '../../dates';
import { firstTimeOf, SlotPicker } from '../../SlotPicker';

export interface When {
  date: string;
  slot: string | null;
}

/**
 * Pickup (or delivery) day and time: the days and slots the customer's calendar would offer, from
 * the same domain function, with slot room counted from this tablet's copy of the shop's orders.
 * A day is a drop-down (a pre-order window may be weeks); the times are one tap each.
 */
export function WhenPicker({
  days,
  today,
  when,
  fulfilment,
  leadMinutes,
  onChange,
}: {
  days: readonly DayChoice[];
  today: string;
  when: When;
  fulfilment: Fulfilment;
  leadMinutes: number;
  onChange: (w: When) => void;
}) {
  const { lang, t } = useT();
  const dateId = useId();
  const day = days.find((d) => d.date === when.date);
  if (days.length === 0) return <p className="muted">{t('noOpenDays')}</p>;
  return (
    <>
      <div className="field">
        <label htmlFor={dateId}>{t(fulfilment === 'pickup' ? 'pickupDate' : 'deliveryDate')}</label>
        <select
          id={dateId}
          value={when.date}
          onChange={(e) => {
            const next = days.find((d) => d.date === e.target.value);
            if (next) onChange({ date: next.date, slot: firstTimeOf(next) });
          }}
        >
          {days.map((d) => {
            const label = formatShopDate(d.date, lang);
            return (
              <option key={d.date} value={d.date} disabled={!d.itemsReady}>
                {d.date === today ? t('intakeToday', { date: label }) : label}
                {!d.itemsReady && ` (${t('tooLateForItems')})`}
              </option>
            );
          })}
        </select>
      </div>
      {day && (
        <SlotPicker
          name="intake-slot"
          day={day}
          slot={when.slot}
          onPick={(slot) => onChange({ date: day.date, slot })}
          asapLabel="intakeAsap"
          leadMinutes={leadMinutes}
          fulfilment={fulfilment}
        />
      )}
    </>
  );
}
