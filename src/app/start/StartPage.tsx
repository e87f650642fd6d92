import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../client/api';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Field } from '../../ui/Field';
import { LangSwitch } from '../../ui/LangSwitch';
import { useAsyncAction } from '../../ui/useAsyncAction';
import { LAST_SHOP } from '../lastShop';
import { navigate } from '../router';

/** The front door: what Dangol is, and a shop can open itself without asking anyone. */
export default function StartPage() {
  const { lang, t } = useT();
  useEffect(() => {
    // The installed app starts here (one manifest serves every shop): a customer who added their
    // shop to the home screen expects that shop, not the sign-up page.
    const lastShop = localStorage.getItem(LAST_SHOP);
    if (new URLSearchParams(location.search).has('launch') && lastShop) {
      history.replaceState(null, '', '/');
      navigate(`/s/${encodeURIComponent(lastShop)}`);
    }
  }, []);
  const [form, setForm] = useState({ shopName: '', slug: '', username: 'owner', password: '' });
  const { busy, error, run } = useAsyncAction();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const me = await call('signup', {
        lang,
        body: { ...form, slug: form.slug.trim().toLowerCase(), username: form.username.trim() },
      });
      localStorage.setItem('dangol.shopSlug', me.shop.slug);
      navigate('/shop');
    });
  }

  return (
    <main className="page narrow">
      <header className="row">
        <h1>{t('appName')}</h1>
        <LangSwitch />
      </header>
      <h2>{t('startTitle')}</h2>
      <p>{t('startLead')}</p>
      <p>
        <a href="/shop">{t('startConsole')}</a>
      </p>
      <form onSubmit={submit} aria-labelledby="signup-title">
        <h2 id="signup-title">{t('signupTitle')}</h2>
        <Field
          label={t('shopName')}
          value={form.shopName}
          onChange={set('shopName')}
          required
          maxLength={60}
        />
        <Field
          label={t('shopSlug')}
          hint={t('shopSlugHint')}
          value={form.slug}
          onChange={set('slug')}
          required
          minLength={3}
          maxLength={40}
          pattern="[a-z0-9][a-z0-9\-]*[a-z0-9]"
          autoCapitalize="none"
        />
        <Field
          label={t('username')}
          value={form.username}
          onChange={set('username')}
          required
          autoComplete="username"
          autoCapitalize="none"
        />
        <Field
          label={t('password')}
          hint={t('passwordHint')}
          type="password"
          value={form.password}
          onChange={set('password')}
          required
          minLength={8}
          autoComplete="new-password"
        />
        <Alert error={error} />
        <button type="submit" disabled={busy}>
          {t('signupSubmit')}
        </button>
      </form>
    </main>
  );
}
