import { useEffect, useState } from 'react';
import { isSoldOut, type MenuItem } from '../../domain/catalogue';
import { shopLocalDate, shopWeekday } from '../../domain/hours';
import { call } from '../../client/api';
import { ensureDevice } from '../../client/device';
import { useT } from '../../i18n';
import type { Lang } from '../../protocol/lang';
import type { RouteResponse } from '../../protocol/routes';
import { Alert } from '../../ui/Alert';
import { LangSwitch } from '../../ui/LangSwitch';
import { useLoader } from '../../ui/useLoader';
import { SyncBanner } from '../SyncBanner';
import { useDeviceSync } from '../useDeviceSync';
import { addToCart, type Cart } from './cart';
import { Checkout } from './Checkout';
import { MenuItemCard } from './MenuItemCard';
import { MyOrders } from './MyOrders';

type PublicShop = RouteResponse<'publicShop'>;

/** The menu from the server, or — offline — the copy this phone kept from its last visit. */
async function loadShop(slug: string, lang: Lang): Promise<PublicShop> {
  const key = `dangol.shop.${slug}`;
  try {
    const shop = await call('publicShop', { params: { slug }, lang });
    localStorage.setItem(key, JSON.stringify(shop));
    return shop;
  } catch (err) {
    const kept = localStorage.getItem(key);
    if (kept) return JSON.parse(kept) as PublicShop;
    throw err;
  }
}

export default function MenuPage({ slug }: { slug: string }) {
  const { lang, t } = useT();
  const [loaded, retry] = useLoader(() => loadShop(slug, lang), slug);
  const [deviceToken, setDeviceToken] = useState<string | null>(() => localStorage.getItem('dangol.device'));
  useEffect(() => {
    // The device identity is made in the background; browsing never waits for it.
    ensureDevice(lang).then(setDeviceToken, () => {});
  }, [lang]);

  if (loaded.state === 'loading') return <p className="loading">{t('loading')}</p>;
  if (loaded.state === 'failed') {
    return (
      <main className="page">
        <h1>{t('shopNotFound')}</h1>
        <Alert error={loaded.error.message} />
        <button type="button" onClick={retry}>
          {t('retry')}
        </button>
      </main>
    );
  }
  return <Menu data={loaded.data} slug={slug} deviceToken={deviceToken} />;
}

function Menu({ data, slug, deviceToken }: { data: PublicShop; slug: string; deviceToken: string | null }) {
  const { t } = useT();
  const { shop, categories, items } = data;
  const sync = useDeviceSync(
    `customer-${slug}`,
    deviceToken ? { kind: 'customer', slug, deviceToken } : null,
  );
  const [cart, setCart] = useState<Cart>([]);
  const catalogue = new Map<string, MenuItem>(items.map((i) => [i.id, i]));
  const now = new Date();
  const today = shopLocalDate(now, shop.timeZone);
  const hours = shop.hours[shopWeekday(now, shop.timeZone)] ?? [];
  return (
    <>
      <header className="shop-header">
        <div>
          <h1>{shop.name}</h1>
          <p className="muted">{shop.address}</p>
          <p>
            {t('hoursToday')}:{' '}
            {hours.length ? hours.map((p) => `${p.open}–${p.close}`).join(', ') : t('closedToday')}
          </p>
          {shop.phone && <a href={`tel:${shop.phone.replace(/[^0-9+]/g, '')}`}>{t('callShop')}</a>}
        </div>
        <LangSwitch />
      </header>
      <SyncBanner sync={sync} />
      <main className="page">
        {shop.notice && <p className="notice">{shop.notice}</p>}
        {sync && <MyOrders db={sync.db} />}
        {categories.map((c) => (
          <section key={c.id} aria-labelledby={`cat-${c.id}`}>
            <h2 id={`cat-${c.id}`}>{c.name}</h2>
            <ul className="menu-list">
              {items
                .filter((i) => i.categoryId === c.id)
                .map((item) => (
                  <MenuItemCard
                    key={item.id}
                    item={item}
                    soldOut={isSoldOut(item, today)}
                    today={today}
                    onAdd={() => setCart(addToCart(cart, item))}
                  />
                ))}
            </ul>
          </section>
        ))}
        <Checkout
          cart={cart}
          setCart={setCart}
          catalogue={catalogue}
          schedule={data.schedule}
          db={sync?.db}
          onPlaced={() => sync?.kick()}
        />
      </main>
    </>
  );
}
