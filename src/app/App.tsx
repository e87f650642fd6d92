import { lazy, Suspense, useEffect } from 'react';
import { useT } from '../i18n';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { LoadFailure } from '../ui/LoadFailure';
import { matchPage, useLocation } from './router';

// Each kind of user loads only its own screens: a customer's phone never downloads the console.
const StartPage = lazy(() => import('./start/StartPage'));
const CustomerShop = lazy(() => import('./customer/CustomerShop'));
const ShopApp = lazy(() => import('./shop/ShopApp'));
const InvitePage = lazy(() => import('./shop/InvitePage'));
const VoucherWallet = lazy(() => import('./customer/VoucherWallet'));

export function App() {
  const location = useLocation();
  const { lang, t } = useT();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const page = matchPage(
    location.split('#')[0] ?? '/',
    location.includes('#') ? location.slice(location.indexOf('#')) : '',
  );
  return (
    <LoadFailure>
      <Suspense fallback={<p className="loading">{t('loading')}</p>}>
        <UpdatePrompt />
        {page.kind === 'start' && <StartPage />}
        {page.kind === 'customer' && <CustomerShop slug={page.slug} view={page.view} />}
        {page.kind === 'shop' && <ShopApp />}
        {page.kind === 'invite' && <InvitePage token={page.token} />}
        {page.kind === 'voucher' && <VoucherWallet slug={page.slug} token={page.token} />}
        {page.kind === 'notFound' && (
          <main className="page">
            <h1>404</h1>
            <p>
              <a href="/">{t('appName')}</a>
            </p>
          </main>
        )}
      </Suspense>
    </LoadFailure>
  );
}
