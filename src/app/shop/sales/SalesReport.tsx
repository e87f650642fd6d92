import { useState } from 'react';
import { call } from '../../../client/api';
import { formatWon } from '../../../domain/money';
import { rangeProblem, SALES_BY, type SalesBy } from '../../../domain/sales';
import { addDays } from '../../../domain/schedule';
import { useT } from '../../../i18n';
import { errorMessage } from '../../../protocol/errors';
import type { Lang } from '../../../protocol/lang';
import { formatDay } from '../../../print/format';
import { Alert } from '../../../ui/Alert';
import { Field } from '../../../ui/Field';
import { useAsyncAction } from '../../../ui/useAsyncAction';
import { useLoader } from '../../../ui/useLoader';
import { saveFile } from '../../../ui/saveFile';
import { FiguresTable } from './figures';
import { BY_LABEL, csvFileName, ordersCsv, reportCsv, type SalesReport as Report } from './salesCsv';
import { UserText } from '../../../ui/UserText';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const CSV_TYPE = 'text/csv;charset=utf-8';

/** How a period reads in the table: a day by its name, a week by its span, a month by its number. */
function periodLabel(p: { start: string; end: string }, by: SalesBy, lang: Lang): string {
  if (by === 'day') return formatDay(p.start, lang);
  if (by === 'month') return p.start.slice(0, 7);
  return `${p.start} ~ ${p.end}`;
}

/** Sales per day, week or month over a chosen range and per item, with the CSV downloads. */
export function SalesReport({ today }: { today: string }) {
  const { lang, t } = useT();
  // This month so far: the question an owner asks first.
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [by, setBy] = useState<SalesBy>('day');
  const problem = rangeProblem({ from, to });
  const [loaded, reload] = useLoader<Report | null>(
    () => (problem ? Promise.resolve(null) : call('salesReport', { lang, body: { from, to, by } })),
    `${from}:${to}:${by}:${lang}`,
  );
  const csv = useAsyncAction();
  const report = loaded.state === 'ready' ? loaded.data : null;

  const downloadReport = () =>
    csv.run(async () => {
      if (!report) return;
      const file = csvFileName(t('salesFileReport'), report.from, report.to);
      saveFile(file, reportCsv(report, t), CSV_TYPE);
      return t('salesCsvSaved', { file });
    });
  const downloadOrders = () =>
    csv.run(async () => {
      const { orders, timeZone } = await call('salesOrders', { lang, body: { from, to } });
      const file = csvFileName(t('salesFileOrders'), from, to);
      saveFile(file, ordersCsv(orders, timeZone, t), CSV_TYPE);
      return t('salesCsvSaved', { file });
    });

  const range = { from, to, by: t(BY_LABEL[by]) };
  return (
    <section aria-labelledby="sales-report-title" className="sales-section">
      <h3 id="sales-report-title">{t('salesReportTitle')}</h3>
      <div className="sales-controls">
        <Field
          label={t('salesFrom')}
          type="date"
          value={from}
          max={to}
          onChange={(e) => DATE_PATTERN.test(e.target.value) && setFrom(e.target.value)}
        />
        <Field
          label={t('salesTo')}
          type="date"
          value={to}
          min={from}
          max={addDays(from, 365)}
          onChange={(e) => DATE_PATTERN.test(e.target.value) && setTo(e.target.value)}
        />
        <fieldset className="sales-by">
          <legend>{t('salesBy')}</legend>
          {SALES_BY.map((b) => (
            <label key={b}>
              <input type="radio" name="sales-by" value={b} checked={by === b} onChange={() => setBy(b)} />
              {t(BY_LABEL[b])}
            </label>
          ))}
        </fieldset>
      </div>
      {problem && <Alert error={errorMessage(problem, lang)} />}
      {loaded.state === 'loading' && <p className="muted">{t('salesLoading')}</p>}
      {loaded.state === 'failed' && (
        <>
          <Alert error={loaded.error.message} />
          <button type="button" className="secondary" onClick={reload}>
            {t('salesRetry')}
          </button>
        </>
      )}
      {report && (
        <>
          <FiguresTable
            caption={t('salesPeriodsCaption', range)}
            columns={[t('salesPeriod'), t('salesOrders'), t('salesRevenue')]}
            rows={report.periods.map((p) => ({
              key: p.start,
              label: periodLabel(p, report.by, lang),
              figures: [p.orders, formatWon(p.revenue, lang)],
              className: p.orders === 0 ? 'sales-quiet' : undefined,
            }))}
            total={{
              label: t('salesRangeTotal'),
              figures: [report.total.orders, formatWon(report.total.revenue, lang)],
            }}
          />
          <h4>{t('salesItemsTitle')}</h4>
          {report.items.length === 0 ? (
            <p className="muted">{t('salesNoItems')}</p>
          ) : (
            <FiguresTable
              caption={t('salesItemsCaption', range)}
              columns={[t('salesItem'), t('salesQuantity'), t('salesRevenue')]}
              rows={report.items.map((i) => ({
                key: i.itemId,
                label: <UserText>{i.name}</UserText>,
                figures: [i.quantity, formatWon(i.revenue, lang)],
              }))}
            />
          )}
          <p className="muted">{t('salesTimeZone', { zone: report.timeZone })}</p>
        </>
      )}

      <h4>{t('salesCsvTitle')}</h4>
      <p className="muted">{t('salesCsvHint')}</p>
      <div className="row sales-buttons">
        <button type="button" className="secondary" onClick={() => void downloadReport()} disabled={!report}>
          {t('salesCsvReport')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void downloadOrders()}
          disabled={problem !== null || csv.busy}
        >
          {t('salesCsvOrders')}
        </button>
      </div>
      <Alert error={csv.error} info={csv.info} />
    </section>
  );
}
