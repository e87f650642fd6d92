import { exportUnsynced, pendingSummary } from '../client/outbox';
import { useT } from '../i18n';
import type { DeviceSync } from './useDeviceSync';
import { useLive } from './useDeviceSync';

/** Saves what this device has not yet sent as a file: a copy to keep, or to hand to the shop. */
async function downloadUnsynced(sync: DeviceSync): Promise<void> {
  const blob = new Blob([await exportUnsynced(sync.db)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `dangol-unsynced-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Says plainly when this device is offline and how many changes wait, and since when. */
export function SyncBanner({ sync }: { sync: DeviceSync | null }) {
  const { lang, t } = useT();
  const pending = useLive(sync?.db, pendingSummary, 'pending');
  if (!sync || !pending) return null;
  const offline = !sync.status.online;
  if (!offline && (pending.count === 0 || pending.oldest === null)) return null;
  const since = pending.oldest
    ? new Date(pending.oldest).toLocaleTimeString(lang === 'ko' ? 'ko-KR' : 'en-GB', {
        hour: '2-digit',
        minute: '2-digit',
      })
    : '';
  return (
    <div role="status" className={offline ? 'banner banner-offline' : 'banner'}>
      <span>
        {offline ? t('offlineBanner', { n: pending.count }) : t('pendingBanner', { n: pending.count, since })}
      </span>
      {pending.count > 0 && (
        <button type="button" className="secondary" onClick={() => void downloadUnsynced(sync)}>
          {t('exportUnsynced')}
        </button>
      )}
    </div>
  );
}
