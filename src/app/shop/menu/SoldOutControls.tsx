import { useState } from 'react';
import type { ClientDb } from '../../../client/db';
import { enqueue } from '../../../client/outbox';
import { isSoldOut, type MenuItem } from '../../../domain/catalogue';
import { soldOutUntilFor, type SoldOutChoice } from '../../../domain/menuEdit';
import { useT } from '../../../i18n';
import { Alert } from '../../../ui/Alert';
import { Msg } from '../../../ui/UserText';

/**
 * "Sold out today" / "until a date" / "back on sale" for one item. Each is a setSoldOut mutation in
 * the tablet's outbox (S2): it shows at once, works with the network down, and reaches the server
 * exactly once later. Staff and owner alike: the kitchen knows first.
 */
export function SoldOutControls({
  item,
  today,
  db,
  kick,
}: {
  item: MenuItem;
  today: string;
  db: ClientDb;
  kick: () => void;
}) {
  const { t } = useT();
  const [picking, setPicking] = useState(false);
  const [date, setDate] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const soldOut = isSoldOut(item, today);

  const choose = async (choice: SoldOutChoice) => {
    const until = soldOutUntilFor(choice, today);
    if (until === undefined) return setError(t('meUntilInvalid'));
    setError(null);
    setPicking(false);
    await enqueue(db, 'setSoldOut', { itemId: item.id, until });
    kick();
  };

  return (
    <div className="sold-out-controls">
      <div className="row">
        {soldOut ? (
          <button
            type="button"
            onClick={() => void choose({ kind: 'resume' })}
            aria-label={t('meResumeFor', { name: item.name })}
          >
            {t('meResume')}
          </button>
        ) : (
          <button
            type="button"
            className="secondary"
            onClick={() => void choose({ kind: 'today' })}
            aria-label={t('meSoldOutTodayFor', { name: item.name })}
          >
            {t('meSoldOutToday')}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          aria-expanded={picking}
          onClick={() => setPicking(!picking)}
          aria-label={t('meSoldOutUntilFor', { name: item.name })}
        >
          {t('meSoldOutUntil')}
        </button>
      </div>
      {picking && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void choose({ kind: 'until', date });
          }}
        >
          <label>
            <Msg text={t('meUntilDate')} user={{ name: item.name }} />
            <input type="date" min={today} value={date} required onChange={(e) => setDate(e.target.value)} />
          </label>
          <button type="submit" aria-label={t('meConfirmUntilFor', { name: item.name })}>
            {t('meConfirmUntil')}
          </button>
          <button type="button" className="secondary" onClick={() => setPicking(false)}>
            {t('meCancel')}
          </button>
        </form>
      )}
      <Alert error={error} />
    </div>
  );
}
