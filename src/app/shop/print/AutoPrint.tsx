import { useEffect } from 'react';
import type { Schedule } from '../../../domain/schedule';
import { KitchenSlip } from '../../../print/KitchenSlip';
import { rememberedRollWidth, rollPaper } from '../../../print/paper';
import { printDocument } from './printJob';
import { useLive } from '../../useDeviceSync';
import type { ShopPanelProps } from '../panel';
import { AUTO_PRINT, claimForPrinting, type AutoPrintSetting, TAKEN_STATUSES } from './autoPrintStore';

/**
 * Prints the kitchen slip of each order that becomes accepted — here or on another device — while
 * this tablet's auto-print is on. Rendered by the console whichever screen is open.
 */
export function AutoPrint({ sync }: ShopPanelProps) {
  const db = sync?.db;
  const setting = useLive(db, (d) => d.getMeta<AutoPrintSetting>(AUTO_PRINT), 'autoPrint');
  const on = setting?.on === true;
  const accepted = useLive(
    on ? db : undefined,
    (d) => d.orders.where('view.status').anyOf(TAKEN_STATUSES).toArray(),
    'accepted',
  );
  const schedule = useLive(db, (d) => d.getMeta<Schedule>('schedule'), 'schedule');
  const timeZone = schedule?.timeZone;
  useEffect(() => {
    if (!db || !on || !accepted) return;
    const views = accepted
      .map((o) => o.view)
      .filter((v) => v !== null)
      .sort(
        (a, b) => (a.readyBy ?? '').localeCompare(b.readyBy ?? '') || a.createdAt.localeCompare(b.createdAt),
      );
    void (async () => {
      for (const order of views) {
        if (await claimForPrinting(db, order))
          await printDocument(
            <KitchenSlip order={order} timeZone={timeZone} />,
            rollPaper(rememberedRollWidth()),
          );
      }
    })();
  }, [db, on, accepted, timeZone]);
  return null;
}
