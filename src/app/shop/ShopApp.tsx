import './consoleMessages';
import { useEffect } from 'react';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Console } from './Console';
import { LoginForm } from './LoginForm';
import { retrySessionNow, startSession, useSession } from './session';

export default function ShopApp() {
  const { t } = useT();
  const session = useSession();
  // A remembered sign-in opens the console from the device at once; the server checks it when it can.
  useEffect(startSession, []);
  if (session.me) return <Console me={session.me} unverified={session.check === 'unverified'} />;
  if (session.me === null) return <LoginForm endedByServer={session.endedByServer} />;
  if (session.failure) {
    // No sign-in remembered on this tablet and no server: said plainly; it retries by itself too.
    return (
      <main className="page narrow">
        <Alert error={session.failure} />
        <p className="muted">{t('sessionRetrying')}</p>
        <button type="button" onClick={retrySessionNow}>
          {t('retry')}
        </button>
      </main>
    );
  }
  return <p className="loading">{t('loading')}</p>;
}
