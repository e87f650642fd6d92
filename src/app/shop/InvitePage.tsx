import './consoleMessages';
import { useState, type FormEvent } from 'react';
import { call } from '../../client/api';
import { Token } from '../../protocol/schemas';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Field } from '../../ui/Field';
import { useAsyncAction } from '../../ui/useAsyncAction';
import { useLoader } from '../../ui/useLoader';
import { navigate } from '../router';
import { setMe } from './session';
import { Msg } from '../../ui/UserText';

export default function InvitePage({ token }: { token: string }) {
  const { lang, t } = useT();
  const valid = Token.safeParse(token).success;
  const [loaded] = useLoader(
    () =>
      valid
        ? call('inspectInvite', { lang, body: { token } })
        : Promise.reject(new Error(t('inviteMissing'))),
    token,
  );
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAsyncAction();

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      setMe(await call('acceptInvite', { lang, body: { token, username: username.trim(), password } }));
      navigate('/shop');
    });
  }

  if (loaded.state === 'loading') return <p className="loading">{t('loading')}</p>;
  if (loaded.state === 'failed') {
    return (
      <main className="page narrow">
        <Alert error={loaded.error.message} />
      </main>
    );
  }
  const title = t('inviteTitle', { shop: loaded.data.shopName });
  return (
    <main className="page narrow">
      <h1>
        <Msg text={t('inviteTitle')} user={{ shop: loaded.data.shopName }} />
      </h1>
      <form onSubmit={submit} aria-label={title}>
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
          hint={t('passwordHint')}
          type="password"
          autoComplete="new-password"
          minLength={8}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <Alert error={error} />
        <button type="submit" disabled={busy}>
          {t('inviteAccept')}
        </button>
      </form>
    </main>
  );
}
