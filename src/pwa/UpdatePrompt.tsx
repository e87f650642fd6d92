import { useEffect, useId } from 'react';
import { useT } from '../i18n';
import { setManifestLang } from './manifestLink';
import { applyUpdate } from './registerServiceWorker';
import { useUpdateWaiting } from './updateStore';

/**
 * "A new version is available — Reload". The live region is always in the page, so screen readers
 * announce the message when it appears; it is named only while there is something to say.
 * Also keeps the manifest link in the current language (this component is mounted once, at the top).
 */
export function UpdatePrompt() {
  const { lang, t } = useT();
  const waiting = useUpdateWaiting();
  const labelId = useId();
  useEffect(() => setManifestLang(lang), [lang]);
  return (
    <div role="status" aria-labelledby={waiting ? labelId : undefined} className="update-prompt">
      {waiting && (
        <>
          <span id={labelId}>{t('updateAvailable')}</span>
          <button type="button" onClick={applyUpdate}>
            {t('updateReload')}
          </button>
        </>
      )}
    </div>
  );
}
