import { useId, useState } from 'react';
import { CLOSED_DATES_AHEAD_DAYS, CLOSED_DATES_MAX } from '../../../domain/shopSettings';
import { addDays } from '../../../domain/schedule';
import { useT } from '../../../i18n';
import { formatLocalDate } from './labels';

/**
 * Holidays as a list: pick a date, add it; each listed date has its own remove button. Dates are in
 * the shop's calendar (`today` is the shop-local date), from today to a year ahead.
 */
export function ClosedDatesEditor({
  dates,
  today,
  onChange,
  error,
}: {
  dates: string[];
  today: string;
  onChange: (dates: string[]) => void;
  error: string | null;
}) {
  const { lang, t } = useT();
  const id = useId();
  const [picked, setPicked] = useState('');
  const [pickError, setPickError] = useState<string | null>(null);
  const last = addDays(today, CLOSED_DATES_AHEAD_DAYS);
  const upcoming = dates.filter((d) => d >= today);
  const shownError = pickError ?? error;

  function add() {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(picked) || picked < today || picked > last) {
      setPickError(t('seClosedDateRange'));
      return;
    }
    setPickError(null);
    if (!dates.includes(picked)) onChange([...dates, picked].sort());
    setPicked('');
  }

  return (
    <div className="closed-dates">
      <p id={`${id}-hint`} className="hint">
        {t('seClosedDatesHint')}
      </p>
      <div className="row closed-dates-add">
        <div className="field">
          <label htmlFor={id}>{t('seClosedDateInput')}</label>
          <input
            id={id}
            type="date"
            min={today}
            max={last}
            value={picked}
            aria-invalid={shownError ? true : undefined}
            aria-describedby={shownError ? `${id}-hint ${id}-error` : `${id}-hint`}
            onChange={(e) => setPicked(e.target.value)}
            onKeyDown={(e) => {
              // Enter adds the date here; it must not submit (and save) the whole form.
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <button type="button" className="secondary" disabled={dates.length >= CLOSED_DATES_MAX} onClick={add}>
          {t('seAddClosedDate')}
        </button>
      </div>
      {shownError && (
        <small id={`${id}-error`} className="field-error">
          {shownError}
        </small>
      )}
      {upcoming.length === 0 ? (
        <p className="muted">{t('seNoClosedDates')}</p>
      ) : (
        <ul className="plain-list closed-dates-list" aria-label={t('seClosedDates')}>
          {upcoming.map((d) => {
            const label = formatLocalDate(d, lang);
            return (
              <li key={d} className="row">
                <span>{label}</span>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('seRemoveClosedDate', { date: label })}
                  onClick={() => onChange(dates.filter((x) => x !== d))}
                >
                  {t('seRemove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
