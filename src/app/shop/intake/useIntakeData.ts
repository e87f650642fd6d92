import { useMemo } from 'react';
import type { MenuItem } from '../../../domain/catalogue';
import { shopLocalDate } from '../../../domain/hours';
import type { Order } from '../../../domain/order';
import type { Schedule } from '../../../domain/schedule';
import type { ClientDb } from '../../../client/db';
import { useLive } from '../../useDeviceSync';
import { takenFrom, type ShopRules } from './orderChecks';
import { useShopInfo, type IntakeShopInfo } from './shopInfo';

export interface IntakeData extends ShopRules {
  db: ClientDb;
  items: MenuItem[];
  categories: IntakeShopInfo['categories'];
}

/**
 * Everything both ways of taking an order read from this tablet's own database: the synced menu and
 * schedule, the checkout rules kept from the shop's page, and what the shop's active orders from
 * today on already hold. Undefined until the first pull has brought the schedule.
 */
export function useIntakeData(db: ClientDb | undefined, slug: string, now: Date): IntakeData | undefined {
  const schedule = useLive(db, (d) => d.getMeta<Schedule>('schedule'), 'schedule');
  const info = useShopInfo(db, slug);
  const items = useLive(db, (d) => d.items.toArray(), 'items');
  const today = schedule ? shopLocalDate(now, schedule.timeZone) : '';
  // The `view.date` index: only today's and later orders, never the shop's whole history.
  const upcoming = useLive(
    db,
    (d) => (today ? d.orders.where('view.date').aboveOrEqual(today).toArray() : Promise.resolve([])),
    `upcoming:${today}`,
  );
  return useMemo(() => {
    if (!db || !schedule || !items) return undefined;
    const sorted = [...items].sort((a, b) => a.position - b.position);
    const views = (upcoming ?? []).flatMap((o): Order[] => (o.view ? [o.view] : []));
    return {
      db,
      schedule,
      items: sorted,
      catalogue: new Map(sorted.map((i) => [i.id, i])),
      categories: [...info.categories].sort((a, b) => a.position - b.position),
      rules: info.rules,
      taken: takenFrom(views),
    };
  }, [db, schedule, items, upcoming, info]);
}
