import { useEffect, useRef } from 'react';
import { useT } from '../../../i18n';

export const shopLink = (slug: string) => `${location.origin}/s/${slug}`;

/**
 * Asks before the shop's link changes: posters on the wall and links in old chats carry the current
 * one. A modal <dialog> (focus stays inside, Escape cancels); "cancel" is first, so a stray Enter
 * does not rename the shop.
 */
export function SlugDialog({
  from,
  to,
  onConfirm,
  onCancel,
}: {
  from: string;
  to: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="slug-dialog"
      aria-labelledby="slug-dialog-title"
      aria-describedby="slug-dialog-warning"
      onClose={onCancel}
    >
      <h2 id="slug-dialog-title">{t('seSlugDialogTitle')}</h2>
      <dl className="slug-change">
        <dt>{t('seSlugFrom')}</dt>
        <dd>
          <code>{shopLink(from)}</code>
        </dd>
        <dt>{t('seSlugTo')}</dt>
        <dd>
          <code>{shopLink(to)}</code>
        </dd>
      </dl>
      <div id="slug-dialog-warning">
        <p className="warning">{t('seSlugWarnPosters')}</p>
        <p>{t('seSlugWarnNew')}</p>
        <p>{t('seSlugWarnLogin')}</p>
      </div>
      <div className="row">
        <button type="button" className="secondary" autoFocus onClick={() => ref.current?.close()}>
          {t('seCancel')}
        </button>
        <button type="button" onClick={onConfirm}>
          {t('seSlugConfirm')}
        </button>
      </div>
    </dialog>
  );
}
