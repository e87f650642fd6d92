import { Suspense, useEffect, useState } from 'react';
import { ShopStatusNotice } from './ShopStatusNotice';
import { ensureDevice } from '../../client/device';
import { shopWeekday } from '../../domain/hours';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LangSwitch } from '../../ui/LangSwitch';
import { LoadFailure } from '../../ui/LoadFailure';
import { lazyNamed } from '../../ui/lazyNamed';
import { navigate, type CustomerView } from '../router';
import { hasDeviceDb, useDeviceSync } from '../useDeviceSync';
import { useCart } from './cart';
import { CartNotices } from './CartNotices';
import { MenuView } from './MenuView';
import type { PublicShop } from './publicShop';
import { SharedOrderPage } from './SharedOrderPage';
import { ShopLocation } from './ShopLocation';
import { useFreshShop } from './useFreshShop';
import { UserText } from '../../ui/UserText';

// The screens that work on the device's database load with it, when first shown: a customer who
// only browses the menu downloads neither them nor the database (Dexie).
const SyncBanner = lazyNamed(() => import('../SyncBanner'), 'SyncBanner');
const Checkout = lazyNamed(() => import('./Checkout'), 'Checkout');
const OrderPage = lazyNamed(() => import('./OrderPage'), 'OrderPage');
const ChatPage = lazyNamed(() => import('./ChatPage'), 'ChatPage');

/** Whether this phone already keeps a database for the shop; null until the browser has said. */
function useHasDeviceDb(key: string): boolean | null {
  const [has, setHas] = useState<{ key: string; has: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    void hasDeviceDb(key).then((h) => live && setHas({ key, has: h }));
    return () => {
      live = false;
    };
  }, [key]);
  return has?.key === key ? has.has : null;
}

const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

/** A customer's whole visit to one shop: menu, cart, orders and chat, on the shop's own link. */
export default function CustomerShop({ slug, view }: { slug: string; view: CustomerView }) {
  const { lang, t } = useT();
  const [loaded, retry] = useFreshShop(slug, lang);
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
  return <Shop data={withAwayPause(loaded.data)} slug={slug} view={view} deviceToken={deviceToken} />;
}

/**
 * A shop that chose to stop taking orders while none of its devices is connected (#17) is paused for
 * as long as the server says it is away: the menu says so and the checkout offers nothing, as the
 * server would refuse (shop_paused).
 */
function withAwayPause(data: PublicShop): PublicShop {
  if (!data.shopAway || !data.schedule.pauseWhenAway || data.schedule.pause) return data;
  return { ...data, schedule: { ...data.schedule, pause: { until: null } } };
}

function Shop({
  data,
  slug,
  view,
  deviceToken,
}: {
  data: PublicShop;
  slug: string;
  view: CustomerView;
  deviceToken: string | null;
}) {
  const { t } = useT();
  const { shop } = data;
  const cartState = useCart(slug, data);
  const { cart, setCart } = cartState;
  const dbKey = `customer-${slug}`;
  // The database opens once there is something to keep: an earlier order or chat, a cart, or any
  // screen besides the menu.
  const wanted = useHasDeviceDb(dbKey) === true || view.kind !== 'menu' || cart.length > 0;
  const sync = useDeviceSync(dbKey, deviceToken ? { kind: 'customer', slug, deviceToken } : null, wanted);
  const base = `/s/${encodeURIComponent(slug)}`;
  const go = (path: string) => (e: React.MouseEvent) => {
    e.preventDefault();
    navigate(base + path);
  };
  const hours = shop.hours[shopWeekday(new Date(), shop.timeZone)] ?? [];
  const count = cart.reduce((n, l) => n + l.quantity, 0);
  return (
    <>
      <header className="shop-header">
        <div>
          <h1>
            <a href={base} onClick={go('')}>
              <UserText>{shop.name}</UserText>
            </a>
          </h1>
          <p className="muted">
            <UserText>{shop.address}</UserText>
          </p>
          <p>
            {t('hoursToday')}:{' '}
            {hours.length ? hours.map((p) => `${p.open}–${p.close}`).join(', ') : t('closedToday')}
          </p>
          <p className="muted">
            {[shop.pickup && t('offersPickup'), shop.delivery && t('offersDelivery')]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {shop.phone && <a href={telHref(shop.phone)}>{t('callShop')}</a>}
          {data.delivery?.shopLocation && (
            <ShopLocation
              at={data.delivery.shopLocation}
              name={shop.name}
              address={shop.address}
              map={data.map}
            />
          )}
        </div>
        <LangSwitch />
      </header>
      <nav className="tabs" aria-label={t('customerNav')}>
        <a href={base} onClick={go('')} aria-current={view.kind === 'menu' ? 'page' : undefined}>
          {t('menuOf')}
        </a>
        <a
          href={`${base}/cart`}
          onClick={go('/cart')}
          aria-current={view.kind === 'cart' ? 'page' : undefined}
        >
          {t('cartWithCount', { n: count })}
        </a>
        <a
          href={`${base}/chat`}
          onClick={go('/chat')}
          aria-current={view.kind === 'chat' ? 'page' : undefined}
        >
          {t('chatWithShop')}
        </a>
        <a href={`${base}/v`} onClick={go('/v')}>
          {t('walletTitle')}
        </a>
      </nav>
      {sync && (
        <Suspense fallback={null}>
          <SyncBanner sync={sync} />
        </Suspense>
      )}
      {(view.kind === 'menu' || view.kind === 'cart') && (
        <ShopStatusNotice
          schedule={data.schedule}
          away={!!data.shopAway && !!data.schedule.pauseWhenAway}
          phoneLink={shop.phone && <a href={telHref(shop.phone)}>{t('callShop')}</a>}
        />
      )}
      {data.shopAway && !data.schedule.pauseWhenAway && (view.kind === 'menu' || view.kind === 'cart') && (
        <p role="status" className="banner banner-away">
          {t('shopAway')} {shop.phone && <a href={telHref(shop.phone)}>{t('callShop')}</a>}
        </p>
      )}
      <main className="page">
        {(view.kind === 'menu' || view.kind === 'cart') && (
          <CartNotices notices={cartState.notices} onDismiss={cartState.dismissNotices} />
        )}
        <LoadFailure inline>
          <Suspense fallback={<p className="loading">{t('loading')}</p>}>
            {view.kind === 'menu' && <MenuView data={data} cart={cartState} db={sync?.db} base={base} />}
            {view.kind === 'cart' && (
              <Checkout
                data={data}
                cart={cart}
                setCart={setCart}
                db={sync?.db}
                base={base}
                onPlaced={(orderId) => {
                  sync?.kick();
                  // The placed cart's page becomes the menu: back from the order goes there, not to
                  // an emptied cart (#16).
                  history.replaceState(null, '', base);
                  navigate(`${base}/o/${orderId}`);
                }}
              />
            )}
            {view.kind === 'order' && sync && (
              <OrderPage
                data={data}
                slug={slug}
                sync={sync}
                orderId={view.orderId}
                fallback={
                  view.secret ? (
                    <SharedOrderPage
                      slug={slug}
                      orderId={view.orderId}
                      secret={view.secret}
                      timeZone={shop.timeZone}
                    />
                  ) : null
                }
              />
            )}
            {view.kind === 'order' && !sync && view.secret && (
              <SharedOrderPage
                slug={slug}
                orderId={view.orderId}
                secret={view.secret}
                timeZone={shop.timeZone}
              />
            )}
            {view.kind === 'chat' && sync && (
              <ChatPage
                db={sync.db}
                shopName={shop.name}
                orderId={view.orderId}
                orderHref={(id) => `${base}/o/${id}`}
                onSent={sync.kick}
              />
            )}
          </Suspense>
        </LoadFailure>
      </main>
    </>
  );
}
