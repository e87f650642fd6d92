import { useEffect, useState } from 'react';
import { call } from '../../client/api';
import type { Lang } from '../../protocol/lang';
import { useLoader, type Loaded } from '../../ui/useLoader';
import type { PublicShop } from './publicShop';

/** How often an open menu asks again while it is on screen. */
export const MENU_REFRESH_MS = 60_000;

const keptKey = (slug: string) => `dangol.shop.${slug}`;

/** The menu from the server, kept on the phone for the next visit without a network. */
async function fetchShop(slug: string, lang: Lang): Promise<PublicShop> {
  const shop = await call('publicShop', { params: { slug }, lang });
  localStorage.setItem(keptKey(slug), JSON.stringify(shop));
  return shop;
}

/** The menu from the server, or — offline — the copy this phone kept from its last visit. */
async function loadShop(slug: string, lang: Lang): Promise<PublicShop> {
  try {
    return await fetchShop(slug, lang);
  } catch (err) {
    const kept = localStorage.getItem(keptKey(slug));
    if (kept) {
      // Whether a shop device was connected is news of that moment, not of now (issue #17).
      const { shopAway: _then, ...menu } = JSON.parse(kept) as PublicShop;
      return menu;
    }
    throw err;
  }
}

/**
 * The shop's public data, kept fresh while the menu is open: asked again when the customer comes
 * back to the page, when the phone comes back online, and each minute while the page is on screen,
 * so sold out, "N left today" and a new price show without a reload. A refresh that fails keeps
 * what is shown. (A customer with an order open also hears the shop's pokes, but a customer who only
 * browses has no stream: the device stack is not loaded for browsing.)
 */
export function useFreshShop(slug: string, lang: Lang): [Loaded<PublicShop>, () => void] {
  // By slug only: the menu is the same in either language, so switching does not reload it.
  const key = slug;
  const [loaded, retry] = useLoader(() => loadShop(slug, lang), key);
  const [fresh, setFresh] = useState<{ key: string; data: PublicShop } | null>(null);
  useEffect(() => {
    let live = true;
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      fetchShop(slug, lang).then(
        (data) => live && setFresh({ key, data }),
        () => {},
      );
    };
    const timer = setInterval(refresh, MENU_REFRESH_MS);
    window.addEventListener('online', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener('online', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [slug, lang, key]);
  if (loaded.state === 'ready' && fresh?.key === key) return [{ state: 'ready', data: fresh.data }, retry];
  return [loaded, retry];
}
