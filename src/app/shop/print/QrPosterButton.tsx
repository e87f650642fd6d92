import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../../i18n';
import { makeQr, type QrMatrix } from '../../../print/qr';
import { printDocument } from './printJob';
import { QrPoster } from '../../../print/QrPoster';
import './printControls.css';

type Size = 'a4' | 'a5';

/** The shop's link as a poster for the counter or the window, with a QR code made on this tablet. */
export function QrPosterButton({ shopName, slug }: { shopName: string; slug: string }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('qrPoster')}
      </button>
      {open && <QrPosterDialog shopName={shopName} slug={slug} onClose={() => setOpen(false)} />}
    </>
  );
}

function QrPosterDialog({
  shopName,
  slug,
  onClose,
}: {
  shopName: string;
  slug: string;
  onClose: () => void;
}) {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const sizeName = useId();
  const [size, setSize] = useState<Size>('a4');
  const url = `${location.origin}/s/${slug}`;
  const [qr, setQr] = useState<{ url: string; qr: QrMatrix } | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  useEffect(() => {
    let live = true;
    void makeQr(url).then((m) => live && setQr({ url, qr: m }));
    return () => {
      live = false;
    };
  }, [url]);
  const ready = qr?.url === url ? qr.qr : null;
  return (
    <dialog ref={ref} className="item-dialog poster-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          ref.current?.close();
          void printDocument(<QrPoster shopName={shopName} url={url} qr={ready} />, size);
        }}
      >
        <h2 id={titleId}>{t('qrPosterTitle')}</h2>
        <fieldset>
          <legend>{t('qrPosterSize')}</legend>
          {(['a4', 'a5'] as const).map((s) => (
            <label key={s} className="choice">
              <input type="radio" name={sizeName} checked={size === s} onChange={() => setSize(s)} />
              {t(s === 'a4' ? 'qrPosterA4' : 'qrPosterA5')}
            </label>
          ))}
        </fieldset>
        <div className="poster-preview">
          {ready ? (
            <QrPoster shopName={shopName} url={url} qr={ready} preview />
          ) : (
            <p className="muted" role="status">
              {t('qrMaking')}
            </p>
          )}
        </div>
        <div className="row">
          <button type="submit" disabled={!ready}>
            {t('qrPosterPrint')}
          </button>
          <button type="button" className="secondary" onClick={() => ref.current?.close()}>
            {t('printCancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
