import { useId, useState } from 'react';
import { minutesOfDay } from '../../../domain/hours';
import { shopMinuteOfDay } from '../../../domain/schedule';
import { useT } from '../../../i18n';

/** The quick picks a kitchen uses most; any other time goes through the clock field. */
export const PREP_PICKS = [10, 20, 30, 45] as const;
/** The protocol's bound on prepMinutes (acceptOrder in protocol/sync.ts). */
const MAX_PREP = 240;

/**
 * Minutes from now (shop time) until the clock time `hhmm`; a time earlier than now is tomorrow's,
 * which is then beyond the bound and refused. Null when the result is outside 1–240.
 */
export function minutesUntil(hhmm: string, now: Date, timeZone: string): number | null {
  if (!/^\d{2}:\d{2}$/.test(hhmm)) return null;
  let diff = minutesOfDay(hhmm) - shopMinuteOfDay(now, timeZone);
  if (diff <= 0) diff += 24 * 60;
  return diff >= 1 && diff <= MAX_PREP ? diff : null;
}

/** Accept with a preparation time: one tap on a quick pick, or a clock time ("ready at 12:40") behind one more. */
export function AcceptControls({
  timeZone,
  onAccept,
}: {
  timeZone: string;
  onAccept: (prepMinutes: number) => void;
}) {
  const { t } = useT();
  const [at, setAt] = useState('');
  const [invalid, setInvalid] = useState(false);
  // Any other time is one tap away: the card stays short on a busy board.
  const [other, setOther] = useState(false);
  const otherId = useId();
  const timeId = useId();
  const errorId = useId();
  const submitAt = () => {
    const minutes = minutesUntil(at, new Date(), timeZone);
    setInvalid(minutes === null);
    if (minutes !== null) onAccept(minutes);
  };
  return (
    <fieldset className="accept-controls">
      <legend>{t('bdAccept')}</legend>
      <div className="row accept-quick">
        {PREP_PICKS.map((min) => (
          <button key={min} type="button" aria-label={t('acceptIn', { min })} onClick={() => onAccept(min)}>
            {t('bdAcceptQuick', { min })}
          </button>
        ))}
        <button
          type="button"
          className="secondary"
          aria-expanded={other}
          aria-controls={otherId}
          onClick={() => setOther(!other)}
        >
          {t('bdAcceptOther')}
        </button>
      </div>
      {other && (
        <div id={otherId} className="row accept-at">
          <label htmlFor={timeId}>{t('bdAcceptAt')}</label>
          <input
            id={timeId}
            type="time"
            value={at}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? errorId : undefined}
            onChange={(e) => setAt(e.target.value)}
          />
          <button type="button" className="secondary" disabled={!at} onClick={submitAt}>
            {t('bdAcceptAtSubmit')}
          </button>
        </div>
      )}
      {other && invalid && (
        <p id={errorId} className="field-error" role="alert">
          {t('bdAcceptAtInvalid')}
        </p>
      )}
    </fieldset>
  );
}
