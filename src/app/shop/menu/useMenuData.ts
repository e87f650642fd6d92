import { useCallback, useEffect } from 'react';
import type { ClientDb } from '../../../client/db';
import { knowItems } from '../../../client/outbox';
import { call } from '../../../client/api';
import type { MenuCategory, MenuItem } from '../../../domain/catalogue';
import type { Schedule } from '../../../domain/schedule';
import type { Lang } from '../../../protocol/lang';
import { useLive } from '../../useDeviceSync';

const CATEGORIES = 'menuCategories';
/** The shop's time zone as the public menu gave it, until the first pull brings the schedule. */
const ZONE = 'menuTimeZone';

export interface MenuData {
  items: MenuItem[] | undefined;
  categories: MenuCategory[];
  /** Items with a sold-out change still waiting in the outbox. */
  pending: ReadonlySet<string>;
  timeZone: string | undefined;
  setCategories: (c: MenuCategory[]) => void;
  /** Fetches the menu from the server again (after an edit), when online. */
  refresh: () => Promise<void>;
}

/**
 * The menu as this tablet holds it: items live from its own database (so sold-out works offline and
 * shows at once), categories as last fetched and kept on the device. Online, the public menu is
 * fetched once so a fresh tablet has every item before its first pull has finished.
 */
export function useMenuData(db: ClientDb | undefined, slug: string, lang: Lang): MenuData {
  // One query for both, so an item's sold-out and its "waiting to send" mark appear in the same render.
  const live = useLive(
    db,
    async (d) => ({
      items: await d.items.toArray(),
      pending: await d.outbox.filter((e) => e.name === 'setSoldOut' && e.result === null).toArray(),
    }),
    'menu-items',
  );
  const items = live?.items;
  const pendingList = live?.pending;
  const kept = useLive(db, (d) => d.getMeta<MenuCategory[]>(CATEGORIES), 'menu-categories');
  const schedule = useLive(db, (d) => d.getMeta<Schedule>('schedule'), 'schedule');
  const fetchedZone = useLive(db, (d) => d.getMeta<string>(ZONE), 'menu-zone');

  const setCategories = useCallback(
    (c: MenuCategory[]) =>
      void db?.setMeta(
        CATEGORIES,
        [...c].sort((a, b) => a.position - b.position),
      ),
    [db],
  );
  const refresh = useCallback(async () => {
    if (!db) return;
    const shop = await call('publicShop', { lang, params: { slug } });
    await db.setMeta(CATEGORIES, shop.categories);
    await knowItems(db, shop.items);
    await db.setMeta(ZONE, shop.shop.timeZone);
  }, [db, slug, lang]);

  useEffect(() => {
    // Offline the kept copy is shown; nothing to report.
    refresh().catch(() => {});
  }, [refresh]);

  const pending = new Set((pendingList ?? []).map((e) => (e.args as { itemId: string }).itemId));
  return {
    items,
    categories: kept ?? [],
    pending,
    timeZone: schedule?.timeZone ?? fetchedZone,
    setCategories,
    refresh,
  };
}

/** Categories in order, each with its items in order; items of an unknown category come last. */
export function grouped(items: readonly MenuItem[], categories: readonly MenuCategory[]) {
  const byPos = (a: MenuItem, b: MenuItem) => a.position - b.position || a.name.localeCompare(b.name);
  const known = new Set(categories.map((c) => c.id));
  const groups = categories.map((c) => ({
    category: c as MenuCategory | null,
    items: items.filter((i) => i.categoryId === c.id).sort(byPos),
  }));
  const orphans = items.filter((i) => !known.has(i.categoryId)).sort(byPos);
  if (orphans.length) groups.push({ category: null, items: orphans });
  return groups;
}
