import { dayUsage, type SlotSchedule } from '../../../domain/production';
import type { Order } from '../../../domain/order';
import { useT } from '../../../i18n';
import { formatDay } from '../../../print/format';

/**
 * The pre-order window as a row of days: each with its standing orders, slot use against capacity,
 * or "closed". Picking a day shows its slots, production list and pickup list below.
 */
export function DayCalendar({
  days,
  orders,
  schedule,
  today,
  selected,
  onSelect,
}: {
  days: string[];
  orders: Order[];
  schedule: SlotSchedule;
  today: string;
  selected: string;
  onSelect: (date: string) => void;
}) {
  const { lang, t } = useT();
  return (
    <ul className="res-days" aria-label={t('resCalendar')}>
      {days.map((date) => {
        const use = dayUsage(orders, date, schedule);
        const full = use.capacity > 0 && use.slotted >= use.capacity;
        return (
          <li key={date}>
            <button
              type="button"
              className={`res-day${use.closed ? ' res-day-closed' : ''}${use.orders > 0 ? ' res-day-busy' : ''}${full ? ' res-day-full' : ''}`}
              aria-pressed={date === selected}
              onClick={() => onSelect(date)}
            >
              <span className="res-day-date">
                {formatDay(date, lang)}
                {date === today && <span className="badge">{t('resToday')}</span>}
              </span>
              <span>{use.orders > 0 ? t('resDayOrders', { n: use.orders }) : t('resDayNone')}</span>
              <span className="res-day-use">
                {use.closed
                  ? t('resDayClosed')
                  : t('resDayCapacity', { used: use.slotted, capacity: use.capacity })}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
