import type { Schedule } from '../../../domain/schedule';
import { shopLocalDate } from '../../../domain/hours';
import { useT } from '../../../i18n';
import { useLive } from '../../useDeviceSync';
import type { ShopPanelProps } from '../panel';
import { useShopToday } from '../reservations/useShopToday';
import { ShopBackup, UnsyncedExport } from './DataExports';
import { DayClose } from './DayClose';
import { SalesReport } from './SalesReport';
import './sales.css';

/** Before the first sync brings the shop's time zone, the tablet's own (it sits in the shop). */
const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The owner's figures and data ('sales.read'): the day's close by payment method, sales by period
 * and item with CSV downloads, the shop's full backup, and this tablet's unsent changes.
 */
export function SalesPanel({ me, sync }: ShopPanelProps) {
  const { t } = useT();
  const db = sync?.db;
  const schedule = useLive(db, (d) => d.getMeta<Schedule>('schedule'), 'schedule');
  const shopToday = useShopToday(schedule?.timeZone);
  const today = shopToday ?? shopLocalDate(new Date(), deviceZone());
  return (
    <section aria-labelledby="sales-title">
      <h2 id="sales-title">{t('tabSales')}</h2>
      <DayClose db={db} today={today} />
      {/* Keyed by the day: a report opened before midnight starts from the new month when it turns. */}
      <SalesReport key={today} today={today} />
      <ShopBackup slug={me.shop.slug} />
      <UnsyncedExport db={db} />
    </section>
  );
}
