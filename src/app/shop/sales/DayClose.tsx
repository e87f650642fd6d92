import { useState } from 'react';
import { ApiCallError, call } from '../../../client/api';
import type { ClientDb, LocalOrder } from '../../../client/db';
import { dayTotals, type DayTotals } from '../../../domain/sales';
import { useT } from '../../../i18n';
import type { Lang } from '../../../protocol/lang';
import { formatDay } from '../../../print/format';
import { Alert } from '../../../ui/Alert';
import { Field } from '../../../ui/Field';
import { useLoader } from '../../../ui/useLoader';
import { useLive } from '../../useDeviceSync';
import { BreakdownTable } from './figures';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

interface Loaded {
  totals: DayTotals;
  /** Computed on the tablet because the server could not be reached. */
  local: boolean;
}

/**
 * The server's figures for a day; with the network down, the same sums (domain/sales dayTotals) over
 * this tablet's own copy of the day's orders, said so on screen. Closing the till must not wait for
 * the network.
 */
async function loadDay(date: string, lang: Lang, local: LocalOrder[] | undefined): Promise<Loaded> {
  try {
    return { totals: await call('salesDay', { lang, body: { date } }), local: false };
  } catch (err) {
    if (!(err instanceof ApiCallError && err.code === 'unavailable') || !local) throw err;
    const orders = local.flatMap((o) => (o.view ? [o.view] : []));
    return { totals: dayTotals(orders, date), local: true };
  }
}

/** "A day's totals by payment method": how the owner closes the day. */
export function DayClose({ db, today }: { db: ClientDb | undefined; today: string }) {
  const { lang, t } = useT();
  const [chosen, setChosen] = useState<string | null>(null);
  const date = chosen ?? today;
  const local = useLive(db, (d) => d.orders.where('view.date').equals(date).toArray(), `close:${date}`);
  // When a sync brings a change to this day's orders (another tablet completed one, a transfer was
  // confirmed), the figures are fetched again: the close is never stale while the screen is open.
  const fingerprint = (local ?? [])
    .map((o) => `${o.id}:${o.view?.version ?? 0}:${o.view?.status ?? ''}:${o.view?.paidAt ?? ''}`)
    .join(',');
  const [loaded, reload] = useLoader(
    () => loadDay(date, lang, local),
    `${date}:${lang}:${local ? fingerprint : '-'}`,
  );
  const dayName = formatDay(date, lang);
  return (
    <section aria-labelledby="sales-day-title" className="sales-section">
      <h3 id="sales-day-title">{t('salesDayTitle')}</h3>
      <p className="muted">{t('salesDayHint')}</p>
      <Field
        label={t('salesDayDate')}
        type="date"
        value={date}
        onChange={(e) => DATE_PATTERN.test(e.target.value) && setChosen(e.target.value)}
      />
      {loaded.state === 'loading' && <p className="muted">{t('salesLoading')}</p>}
      {loaded.state === 'failed' && (
        <>
          <Alert error={loaded.error.message} />
          <button type="button" className="secondary" onClick={reload}>
            {t('salesRetry')}
          </button>
        </>
      )}
      {loaded.state === 'ready' && (
        <>
          {loaded.data.local && <Alert info={t('salesDayLocal')} />}
          <BreakdownTable
            breakdown={loaded.data.totals.completed}
            caption={t('salesDayCompleted', { date: dayName })}
          />
          {loaded.data.totals.open.total.orders > 0 ? (
            <BreakdownTable
              breakdown={loaded.data.totals.open}
              caption={t('salesDayOpen', { date: dayName })}
            />
          ) : (
            <p className="muted">{t('salesDayNoOpen')}</p>
          )}
        </>
      )}
    </section>
  );
}
