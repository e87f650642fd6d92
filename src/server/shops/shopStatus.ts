import { shopLocalDate } from '../../domain/hours';
import { normalizeClosedDates } from '../../domain/shopSettings';
import type { MutationArgs } from '../../protocol/sync';
import type { Queryable } from '../storage/types';
import type { Outcome, ShopContext } from '../sync/applyMutation';
import { bumpShopVersion } from './queries';

/**
 * The setShopStatus mutation (#17): busy, paused, closed today. Last writer wins per field in server
 * arrival order (S11); the shop's version carries the new schedule to every tablet and phone (S6), and
 * every customer is poked (public) so an open menu learns at once that the shop has paused.
 * "Today" is the shop's day when the change arrives: a "close today" queued offline last night and
 * delivered this morning closes this morning's day — said in the tablet's words ("오늘"), so the
 * tablet shows the server's answer, not what it guessed.
 */
export async function setShopStatus(
  tx: Queryable,
  shop: ShopContext,
  a: MutationArgs<'setShopStatus'>,
  now: Date,
): Promise<Outcome> {
  const version = await bumpShopVersion(tx, shop.id);
  const today = shopLocalDate(now, shop.schedule.timeZone);
  if (a.busyMinutes !== undefined)
    await tx.query('update shops set busy_minutes = $2, busy_date = $3 where id = $1', [
      shop.id,
      a.busyMinutes,
      a.busyMinutes > 0 ? today : null,
    ]);
  if (a.pause !== undefined)
    await tx.query('update shops set paused = $2, paused_until = $3 where id = $1', [
      shop.id,
      a.pause !== false,
      a.pause === false ? null : a.pause.until,
    ]);
  if (a.closedToday !== undefined) {
    // Read under the lock just taken: a settings save of the holidays cannot interleave.
    const [row] = await tx.query<{ closed_dates: string[] }>('select closed_dates from shops where id = $1', [
      shop.id,
    ]);
    const others = (row?.closed_dates ?? []).filter((d) => d !== today);
    const dates = normalizeClosedDates(a.closedToday ? [...others, today] : others, today);
    await tx.query('update shops set closed_dates = $2 where id = $1', [shop.id, JSON.stringify(dates)]);
  }
  return { status: 'applied', version, touchedDevices: [], public: true };
}
