import { useState, type FormEvent } from 'react';
import { call } from '../../client/api';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Field } from '../../ui/Field';
import { LangSwitch } from '../../ui/LangSwitch';
import { useAsyncAction } from '../../ui/useAsyncAction';
import { setMe } from './session';

export function LoginForm() {
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
