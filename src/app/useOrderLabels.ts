import type { ClientDb, LocalOrder } from '../client/db';
import { useT } from '../i18n';
import { orderLabel } from '../i18n/orderLabel';
import type { Lang } from '../protocol/lang';
import { useLive } from './useDeviceSync';

/**
 * Labels for orders known here only by id (a chat message's order, an order in a list of ids): each
 * read live from this device's copy, so "임시 K7Q2" turns into "23번" the moment a pull brings the
 * server's number. An order this device does not hold keeps its provisional label.
 */
export function useOrderLabels(db: ClientDb | undefined, ids: readonly string[]): (id: string) => string {
  const { lang } = useT();
  const unique = [...new Set(ids)].sort();
  const labels = useLive(
    db,
    async (d) => {
      const rows = await d.orders.bulkGet(unique);
      return new Map(unique.map((id, i) => [id, rows[i] ? localOrderLabel(rows[i], lang) : null]));
    },
    `order-labels:${lang}:${unique.join(',')}`,
  );
  return (id) => labels?.get(id) ?? orderLabel({ id }, lang);
}

/** The label of an order this device holds: the server's number once a pull brought it. */
export function localOrderLabel(order: LocalOrder, lang: Lang): string {
  return orderLabel({ id: order.id, number: (order.view ?? order.server)?.number }, lang);
}
