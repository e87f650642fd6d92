import { useEffect } from 'react';
import { isSoldOut } from '../../domain/catalogue';
import { shopLocalDate, shopWeekday } from '../../domain/hours';
import { call } from '../../client/api';
import { ensureDevice } from '../../client/device';
import { useT } from '../../i18n';
import type { RouteResponse } from '../../protocol/routes';
import { Alert } from '../../ui/Alert';
import { LangSwitch } from '../../ui/LangSwitch';
import { useLoader } from '../../ui/useLoader';
import { MenuItemCard } from './MenuItemCard';

type PublicShop = RouteResponse<'publicShop'>;

export default function MenuPage({ slug }: { slug: string }) {
  const { lang, t } = useT();
  const [loaded, retry] = useLoader(() => call('publicShop', { params: { slug }, lang }), slug);
  useEffect(() => {
    // The device identity is made in the background; browsing never waits for it.
    ensureDevice(lang).catch(() => {});
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
  return <Menu data={loaded.data} />;
}

function Menu({ data }: { data: PublicShop }) {
  const { t } = useT();
  const { shop, categories, items } = data;
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
      <main className="page">
        {shop.notice && <p className="notice">{shop.notice}</p>}
        {categories.map((c) => (
          <section key={c.id} aria-labelledby={`cat-${c.id}`}>
            <h2 id={`cat-${c.id}`}>{c.name}</h2>
            <ul className="menu-list">
              {items
                .filter((i) => i.categoryId === c.id)
                .map((item) => (
                  <MenuItemCard key={item.id} item={item} soldOut={isSoldOut(item, today)} today={today} />
                ))}
            </ul>
          </section>
        ))}
      </main>
    </>
  );
}
