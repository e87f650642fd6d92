import { pendingSummary } from '../client/outbox';
import { useT } from '../i18n';
import { useNow } from '../ui/useNow';
import type { DeviceSync } from './useDeviceSync';
import { useLive } from './useDeviceSync';
import { downloadUnsynced } from './unsyncedFile';

/** Says plainly when this device is offline and how many changes wait, and since when. */
export function SyncBanner({ sync }: { sync: DeviceSync | null }) {
  const { lang, t } = useT();
  const pending = useLive(sync?.db, pendingSummary, 'pending');
  const now = useNow();
  if (!sync || !pending) return null;
  const setAside =
    pending.setAside > 0 ? (
      <div role="alert" className="banner banner-offline" data-set-aside={pending.setAside}>
        <span>{t('setAsideBanner', { n: pending.setAside })}</span>
        <button type="button" className="secondary" onClick={() => void downloadUnsynced(sync.db)}>
          {t('exportUnsynced')}
        </button>
      </div>
    ) : null;
  const offline = !sync.status.online;
  if (!offline && (pending.count === 0 || pending.oldest === null)) return setAside;
  const clock = (at: number | null) =>
    at
      ? new Date(at).toLocaleTimeString(lang === 'ko' ? 'ko-KR' : 'en-GB', {
          hour: '2-digit',
          minute: '2-digit',
        })
      : '';
  const since = clock(pending.oldest);
  // Offline: say so, how many changes wait and since when, and when the device last reached the server.
  const offlineText = [
    t('bdOffline'),
    pending.count > 0 ? t('bdOfflineWaiting', { n: pending.count, since }) : '',
    sync.status.lastSyncedAt ? t('bdOfflineLastSync', { time: clock(sync.status.lastSyncedAt) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  // Large, counting up each minute (issue #17): a counter tablet says how long it has been cut off,
  // not only a clock time one has to subtract from now.
  const lastSync = sync.status.lastSyncedAt;
  const offlineFor =
    offline && lastSync !== null ? Math.max(0, Math.floor((now.getTime() - lastSync) / 60_000)) : null;
  return (
    <>
      {setAside}
      <div
        role="status"
        className={offline ? 'banner banner-offline' : 'banner'}
        data-offline={offline || undefined}
        data-pending={pending.count}
      >
        {offlineFor !== null && (
          <strong className="offline-for" data-minutes={offlineFor}>
            {t('bdOfflineFor', { n: offlineFor })}
          </strong>
        )}
        <span>{offline ? offlineText : t('pendingBanner', { n: pending.count, since })}</span>
        {pending.count > 0 && (
          <button type="button" className="secondary" onClick={() => void downloadUnsynced(sync.db)}>
            {t('exportUnsynced')}
          </button>
        )}
      </div>
    </>
  );
}
