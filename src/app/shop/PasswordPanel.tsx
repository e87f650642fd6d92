import { useState, type FormEvent } from 'react';
import { call } from '../../client/api';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Field } from '../../ui/Field';
import { useAsyncAction } from '../../ui/useAsyncAction';

export function PasswordPanel() {
  const { lang, t } = useT();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNext] = useState('');
  const { busy, error, info, run } = useAsyncAction();

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await call('changePassword', { lang, body: { currentPassword, newPassword } });
      setCurrent('');
      setNext('');
      return t('passwordChanged');
    });
  }

  return (
    <form onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">{t('changePassword')}</h2>
      <Field
        label={t('currentPassword')}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrent(e.target.value)}
        required
      />
      <Field
        label={t('newPassword')}
        hint={t('passwordHint')}
        type="password"
        autoComplete="new-password"
        minLength={8}
        value={newPassword}
        onChange={(e) => setNext(e.target.value)}
        required
      />
      <Alert error={error} info={info} />
      <button type="submit" disabled={busy}>
        {t('changePassword')}
      </button>
    </form>
  );
}
