import './consoleMessages';
import { useEffect, useState } from 'react';
import { ApiCallError, call } from '../../client/api';
import { getLang, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Console } from './Console';
import { LoginForm } from './LoginForm';
import { setMe, useMe } from './session';

export default function ShopApp() {
  const { t } = useT();
  const me = useMe();
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    call('me', { lang: getLang() }).then(setMe, (err: unknown) => {
      // Signed out is a login form; a server that cannot be reached is said plainly, with a retry.
      if (err instanceof ApiCallError && err.status === 401) setMe(null);
      else setFailure(err instanceof Error ? err.message : String(err));
    });
  }, [attempt]);
  if (failure) {
    return (
      <main className="page narrow">
        <Alert error={failure} />
        <button type="button" onClick={() => (setFailure(null), setAttempt((a) => a + 1))}>
          {t('retry')}
        </button>
      </main>
    );
  }
  if (me === undefined) return <p className="loading">{t('loading')}</p>;
  if (me === null) return <LoginForm />;
  return <Console me={me} />;
}
