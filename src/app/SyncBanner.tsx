import { pendingSummary } from '../client/outbox';
import { useT } from '../i18n';
import type { DeviceSync } from './useDeviceSync';
import { useLive } from './useDeviceSync';

/** Says plainly when this device is offline and how many changes wait, and since when. */
export function SyncBanner({ sync }: { sync: DeviceSync | null }) {
  const { lang, t } = useT();
  const pending = useLive(sync?.db, pendingSummary, 'pending');
  if (!sync || !pending) return null;
  if (!sync.status.online) {
    return (
      <p role="status" className="banner banner-offline">
        {t('offlineBanner', { n: pending.count })}
      </p>
    );
  }
  if (pending.count === 0 || pending.oldest === null) return null;
  const since = new Date(pending.oldest).toLocaleTimeString(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <p role="status" className="banner">
      {t('pendingBanner', { n: pending.count, since })}
    </p>
  );
}
