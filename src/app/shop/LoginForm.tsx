import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../client/api';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Field } from '../../ui/Field';
import { LangSwitch } from '../../ui/LangSwitch';
import { useAsyncAction } from '../../ui/useAsyncAction';
import { hasDeviceDb } from '../useDeviceSync';
import { deviceShop, setMe } from './session';

/**
 * Changes this tablet could not send before it was signed out: never deleted by a sign-out, said
 * plainly on the sign-in form, with the same export as the console's banner.
 */
function KeptChanges() {
  const { t } = useT();
  const [shop] = useState(deviceShop);
  const [kept, setKept] = useState<{ count: number; setAside: number } | null>(null);
  useEffect(() => {
    if (!shop) return;
    let cancelled = false;
    void (async () => {
      if (!(await hasDeviceDb(`shop-${shop.id}`))) return;
      const next = await (await import('./keptChanges')).keptChangesOf(shop.id);
      if (!cancelled) setKept(next);
    })().catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [shop]);
  if (!shop || !kept || kept.count + kept.setAside === 0) return null;
  return (
    <div role="status" className="banner" data-kept={kept.count + kept.setAside}>
      <span>
        {kept.count > 0 && t('sessionKeptChanges', { n: kept.count })}{' '}
        {kept.setAside > 0 && t('setAsideBanner', { n: kept.setAside })}
      </span>
      <button
        type="button"
        className="secondary"
        onClick={() => void import('./keptChanges').then((m) => m.saveKeptChanges(shop.id))}
      >
        {t('exportUnsynced')}
      </button>
    </div>
  );
}

export function LoginForm({ endedByServer = false }: { endedByServer?: boolean }) {
  const { lang, t } = useT();
  const [slug, setSlug] = useState(() => localStorage.getItem('dangol.shopSlug') ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAsyncAction();

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const me = await call('login', {
        lang,
        body: { slug: slug.trim(), username: username.trim(), password },
      });
      localStorage.setItem('dangol.shopSlug', me.shop.slug);
      setMe(me);
    });
  }

  return (
    <main className="page narrow">
      <header className="row">
        <h1>{t('loginTitle')}</h1>
        <LangSwitch />
      </header>
      {endedByServer && <Alert info={t('sessionEnded')} />}
      <KeptChanges />
      <form onSubmit={submit} aria-label={t('loginTitle')}>
        <Field
          label={t('loginShopSlug')}
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          autoCapitalize="none"
          autoComplete="organization"
          required
        />
        <Field
          label={t('username')}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoCapitalize="none"
          autoComplete="username"
          required
        />
        <Field
          label={t('password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
        <Alert error={error} />
        <button type="submit" disabled={busy}>
          {t('loginSubmit')}
        </button>
      </form>
    </main>
  );
}
