import { useEffect, useState } from 'react';
import { ApiCallError, call } from '../../client/api';
import { ensureDevice } from '../../client/device';
import { useT } from '../../i18n';
import {
  currentPush,
  needsHomeScreenInstall,
  pushSupport,
  subscribePush,
  unsubscribePush,
  type PushSupport,
} from '../../pwa/push';
import { Alert } from '../../ui/Alert';
import { useAsyncAction } from '../../ui/useAsyncAction';

/**
 * "dangol.push.<slug>" = this browser's subscription is registered with that shop. The browser holds
 * one subscription for the whole site, shared by every shop the customer follows, so it is ended
 * only when the last shop is switched off.
 */
const FLAG = 'dangol.push.';

function otherShopsUseIt(slug: string): boolean {
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key?.startsWith(FLAG) && key !== FLAG + slug) return true;
  }
  return false;
}

/**
 * Opt-in to notifications when the shop accepts, rejects or finishes this customer's orders. Asks
 * the browser's permission only when switched on (a prompt on page load is refused by most people
 * and blocked by some browsers). Where push cannot work it says so, and that the page itself updates.
 */
export function PushToggle({ slug }: { slug: string }) {
  const { lang, t } = useT();
  const [support, setSupport] = useState<PushSupport>(pushSupport);
  const [on, setOn] = useState(false);
  const { busy, error, run } = useAsyncAction();

  useEffect(() => {
    let live = true;
    const mine = localStorage.getItem(FLAG + slug) === '1';
    (mine ? currentPush() : Promise.resolve(null)).then(
      (sub) => live && setOn(sub !== null),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [slug]);

  const turnOn = () =>
    run(async () => {
      try {
        const { publicKey } = await call('pushKey', { lang });
        const sub = await subscribePush(publicKey);
        const { endpoint } = sub;
        const { p256dh, auth } = sub.keys ?? {};
        if (!endpoint || !p256dh || !auth) throw new Error('incomplete subscription');
        const deviceToken = await ensureDevice(lang);
        await call('pushSubscribe', {
          lang,
          deviceToken,
          params: { slug },
          body: { endpoint, p256dh, auth, lang },
        });
        localStorage.setItem(FLAG + slug, '1');
        setOn(true);
      } catch (err) {
        const now = pushSupport();
        setSupport(now);
        // Permission refused: the plain explanation below replaces the switch; nothing to add.
        if (now === 'denied' || now === 'unsupported') return;
        if (err instanceof ApiCallError) throw err;
        // The browser's push service failed (some browsers ship with it switched off).
        throw new Error(t('pushUnsupported'), { cause: err });
      }
    });

  const turnOff = () =>
    run(async () => {
      const endpoint = (await currentPush())?.endpoint ?? null;
      const shared = otherShopsUseIt(slug);
      let serverRefused: unknown = null;
      if (endpoint) {
        try {
          const deviceToken = await ensureDevice(lang);
          await call('pushUnsubscribe', { lang, deviceToken, params: { slug }, body: { endpoint } });
        } catch (err) {
          serverRefused = err;
        }
      }
      // Without a browser subscription nothing can arrive, even if the server still lists it (its
      // push service answers "gone" on the next send, and the server deletes the row).
      if (!shared) await unsubscribePush();
      else if (serverRefused) throw serverRefused;
      localStorage.removeItem(FLAG + slug);
      setOn(false);
    });

  if (support === 'unsupported' || support === 'denied') {
    return (
      <div className="push-toggle">
        <p className="muted">{t(support === 'denied' ? 'pushDenied' : 'pushUnsupported')}</p>
        {support === 'unsupported' && needsHomeScreenInstall() && (
          <p className="muted">{t('pushInstallFirst')}</p>
        )}
      </div>
    );
  }
  return (
    <div className="push-toggle">
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={on}
          disabled={busy}
          onChange={(e) => void (e.currentTarget.checked ? turnOn() : turnOff())}
        />{' '}
        {t('pushToggle')}
      </label>
      <Alert error={error} />
    </div>
  );
}
