import type { DayChoice } from '../domain/pickupOptions';
import type { Fulfilment } from '../domain/order';
import { useT, type MessageKey } from '../i18n';

/** The first time a day offers: now when the shop is open today, else its first slot with room. */
export function firstTimeOf(day: DayChoice): string | null {
  return day.asap ? null : (day.slots.find((s) => s.hasRoom)?.slot ?? null);
}

/**
 * The times one day offers, one tap each: "as soon as possible" when the shop is open today, then
 * its slots, a full one shown but disabled. Used by the customer's checkout and the phone order.
 */
export function SlotPicker({
  name,
  day,
  slot,
  onPick,
  asapLabel,
  leadMinutes,
  fulfilment = 'pickup',
}: {
  /** The radio group's name, unique on the page. */
  name: string;
  day: DayChoice;
  slot: string | null;
  onPick: (slot: string | null) => void;
  asapLabel: MessageKey;
  leadMinutes: number;
  /** A delivery's time is when it arrives: never titled "pickup time". */
  fulfilment?: Fulfilment;
}) {
  const { t } = useT();
  return (
    <fieldset className="slots">
      <legend>{t(fulfilment === 'delivery' ? 'deliveryTime' : 'pickupTime')}</legend>
      {day.asap && (
        <label className="choice">
          <input type="radio" name={name} checked={slot === null} onChange={() => onPick(null)} />
          {t(asapLabel)}
        </label>
      )}
      <div className="slot-grid">
        {day.slots.map((s) => (
          <label key={s.slot} className={s.hasRoom ? 'slot' : 'slot slot-full'}>
            <input
              type="radio"
              name={name}
              checked={slot === s.slot}
              disabled={!s.hasRoom}
              onChange={() => onPick(s.slot)}
            />
            {s.hasRoom ? s.slot : t('slotFullLabel', { slot: s.slot })}
          </label>
        ))}
      </div>
      {leadMinutes > 0 && <p className="muted">{t('leadMinutesNote', { n: leadMinutes })}</p>}
    </fieldset>
  );
}
