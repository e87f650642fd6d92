import { minutesOfDay, type OpeningPeriod, type WeeklyHours } from '../../../domain/hours';
import { PERIODS_PER_DAY_MAX } from '../../../domain/shopSettings';
import { useT } from '../../../i18n';
import { WEEK_FROM_MONDAY, weekdayName } from './labels';

/** A closed day opened again starts from the hours most shops keep; the owner adjusts from there. */
const NEW_PERIOD: OpeningPeriod = { open: '10:00', close: '20:00' };

/**
 * The week's opening hours, a row per weekday from Monday: a "closed" box, and one or more periods
 * (lunch and dinner) with their own open and close times. A close before the open runs past midnight,
 * and the row says so ("다음 날 02:00까지") so a late-night shop knows it was understood.
 */
export function HoursEditor({
  hours,
  onChange,
  errors,
}: {
  hours: WeeklyHours;
  onChange: (h: WeeklyHours) => void;
  errors: (day: number) => string | null;
}) {
  const { lang, t } = useT();
  const setDay = (day: number, periods: OpeningPeriod[]) =>
    onChange(hours.map((p, i) => (i === day ? periods : p)) as WeeklyHours);

  return (
    <div className="hours-editor">
      {WEEK_FROM_MONDAY.map((day) => {
        const name = weekdayName(day, lang);
        const periods = hours[day] ?? [];
        const closed = periods.length === 0;
        const error = errors(day);
        const errorId = `hours-error-${day}`;
        const setPeriod = (i: number, patch: Partial<OpeningPeriod>) =>
          setDay(
            day,
            periods.map((p, j) => (j === i ? { ...p, ...patch } : p)),
          );
        return (
          <fieldset key={day} className="hours-day" aria-invalid={error ? true : undefined}>
            <legend>{name}</legend>
            <label className="choice">
              <input
                type="checkbox"
                checked={closed}
                onChange={(e) => setDay(day, e.target.checked ? [] : [NEW_PERIOD])}
              />
              {t('seDayClosed', { day: name })}
            </label>
            {periods.map((p, i) => {
              const n = periods.length > 1 ? i + 1 : 0;
              const overnight =
                p.open && p.close && minutesOfDay(p.close) <= minutesOfDay(p.open) && p.open !== p.close;
              return (
                <div key={i} className="hours-period">
                  <label>
                    <span className="visually-hidden">
                      {n ? t('seOpenN', { day: name, n }) : t('seOpen', { day: name })}
                    </span>
                    <input
                      type="time"
                      value={p.open}
                      required
                      aria-describedby={error ? errorId : undefined}
                      aria-invalid={error ? true : undefined}
                      onChange={(e) => setPeriod(i, { open: e.target.value })}
                    />
                  </label>
                  <span aria-hidden="true">–</span>
                  <label>
                    <span className="visually-hidden">
                      {n ? t('seCloseN', { day: name, n }) : t('seClose', { day: name })}
                    </span>
                    <input
                      type="time"
                      value={p.close}
                      required
                      aria-describedby={error ? errorId : undefined}
                      aria-invalid={error ? true : undefined}
                      onChange={(e) => setPeriod(i, { close: e.target.value })}
                    />
                  </label>
                  {overnight && <span className="muted">{t('seNextDay', { time: p.close })}</span>}
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('seRemovePeriod', { day: name, n: i + 1 })}
                    onClick={() =>
                      setDay(
                        day,
                        periods.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {t('seRemove')}
                  </button>
                </div>
              );
            })}
            {!closed && periods.length < PERIODS_PER_DAY_MAX && (
              <button
                type="button"
                className="secondary"
                onClick={() => setDay(day, [...periods, nextPeriod(periods)])}
              >
                {t('seAddPeriod', { day: name })}
              </button>
            )}
            {error && (
              <small id={errorId} className="field-error">
                {error}
              </small>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

/** A second period starts where the last one ends (an hour's break), so it does not overlap at once. */
function nextPeriod(periods: OpeningPeriod[]): OpeningPeriod {
  const last = periods.at(-1);
  if (!last) return NEW_PERIOD;
  const start = (minutesOfDay(last.close) + 60) % (24 * 60);
  const end = (start + 180) % (24 * 60);
  const clock = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { open: clock(start), close: clock(end) };
}
