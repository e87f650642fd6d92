import { useEffect } from 'react';
import type { MenuCategory } from '../../../domain/catalogue';
import type { CheckoutRules } from '../../../domain/checkout';
import { call } from '../../../client/api';
import type { ClientDb } from '../../../client/db';
import { getLang } from '../../../i18n';
import { useLive } from '../../useDeviceSync';

/**
 * What an order form needs beyond the synced menu and schedule: the menu's categories (for grouping)
 * and the checkout rules (pickup/delivery, ways to pay). The sync pull does not carry them, so the
 * shop's public page is read when the tablet is online and kept in the device database, where it
 * still answers offline.
 */
export interface IntakeShopInfo {
  categories: MenuCategory[];
  rules: CheckoutRules | null;
}

const KEY = 'intake.shopInfo';

/**
 * Until the tablet has been online once on this screen the rules are not known (null): the order
 * checks then leave them to the server, because refusing a phone order offline over a rule the
 * tablet has never seen would be worse than letting the server say no.
 */
const NOT_YET: IntakeShopInfo = { categories: [], rules: null };

export function useShopInfo(db: ClientDb | undefined, slug: string): IntakeShopInfo {
  const kept = useLive(db, (d) => d.getMeta<IntakeShopInfo>(KEY), KEY);
  useEffect(() => {
    if (!db) return;
    call('publicShop', { lang: getLang(), params: { slug } }).then(
      ({ shop, categories }) =>
        db.setMeta(KEY, {
          categories,
          rules: {
            pickup: shop.pickup,
            delivery: shop.delivery,
            payAtPickup: shop.payAtPickup,
            bankTransfer: shop.bankTransfer,
            bankAccount: shop.bankAccount,
          },
        } satisfies IntakeShopInfo),
      // Offline or the server is down: the copy kept from the last time is what the tablet knows.
      () => {},
    );
  }, [db, slug]);
  return kept ?? NOT_YET;
}
