import { call } from '../../../client/api';
import type { ClientDb } from '../../../client/db';
import { pendingSummary, unsyncedChanges } from '../../../client/outbox';
import { useT } from '../../../i18n';
import { Alert } from '../../../ui/Alert';
import { useAsyncAction } from '../../../ui/useAsyncAction';
import { useLive } from '../../useDeviceSync';
import { safeFileName, saveFile } from '../../../ui/saveFile';

const JSON_TYPE = 'application/json';

/** "20261123-1405": a file name's time stamp, on this tablet's clock. */
function stamp(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
}

/** The whole shop as one file from the server (restored with `npm run restore`). */
export function ShopBackup({ slug }: { slug: string }) {
  const { lang, t } = useT();
  const action = useAsyncAction();
  const download = () =>
    action.run(async () => {
      const backup = await call('shopBackup', { lang });
      const file = safeFileName(`${t('salesBackupFile')}_${slug}_${stamp()}.json`);
      saveFile(file, JSON.stringify(backup), JSON_TYPE);
      return t('salesBackupSaved', { file });
    });
  return (
    <section aria-labelledby="sales-backup-title" className="sales-section">
      <h3 id="sales-backup-title">{t('salesBackupTitle')}</h3>
      <p className="muted">{t('salesBackupHint')}</p>
      <button type="button" className="secondary" onClick={() => void download()} disabled={action.busy}>
        {t('salesBackupDownload')}
      </button>
      <Alert error={action.error} info={action.info} />
    </section>
  );
}

/** This tablet's changes the server has not acknowledged, as a file: works with no network at all. */
export function UnsyncedExport({ db }: { db: ClientDb | undefined }) {
  const { t } = useT();
  const count = useLive(db, pendingSummary, 'pending')?.count;
  const action = useAsyncAction();
  const download = () =>
    action.run(async () => {
      if (!db) return;
      const changes = await unsyncedChanges(db);
      const file = safeFileName(`${t('salesUnsyncedFile')}_${stamp()}.json`);
      saveFile(file, JSON.stringify(changes, null, 2), JSON_TYPE);
      return t('salesUnsyncedSaved', { n: changes.outbox.length, file });
    });
  return (
    <section aria-labelledby="sales-unsynced-title" className="sales-section">
      <h3 id="sales-unsynced-title">{t('salesUnsyncedTitle')}</h3>
      <p className="muted">{t('salesUnsyncedHint')}</p>
      {count !== undefined && <p>{t('salesUnsyncedCount', { n: count })}</p>}
      <button
        type="button"
        className="secondary"
        onClick={() => void download()}
        disabled={!db || action.busy}
      >
        {t('salesUnsyncedDownload')}
      </button>
      <Alert error={action.error} info={action.info} />
    </section>
  );
}
