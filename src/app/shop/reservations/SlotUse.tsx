import { slotUsage, type SlotSchedule } from '../../../domain/production';
import type { Order } from '../../../domain/order';
import { useT } from '../../../i18n';

/** The chosen day's pickup slots, each with its standing orders against the slot's capacity. */
export function SlotUse({
  date,
  title,
  orders,
  schedule,
}: {
  date: string;
  title: string;
  orders: Order[];
  schedule: SlotSchedule;
}) {
  const { t } = useT();
  const slots = slotUsage(orders, date, schedule);
  if (slots.length === 0) return <p className="muted">{t('resNoSlots')}</p>;
  return (
    <ul className="res-slots" aria-label={title}>
      {slots.map((s) => {
        const full = s.taken >= s.capacity;
        return (
          <li
            key={s.slot}
            className={`res-slot${s.taken > 0 ? ' res-slot-busy' : ''}${full ? ' res-slot-full' : ''}`}
          >
            <span className="res-slot-time">{s.slot}</span>{' '}
            <span>{t('resSlotUse', { taken: s.taken, capacity: s.capacity })}</span>
            {full && <span className="badge">{t('resSlotFull')}</span>}
            {s.offSchedule && <span className="muted"> ({t('resSlotOff')})</span>}
          </li>
        );
      })}
    </ul>
  );
}
