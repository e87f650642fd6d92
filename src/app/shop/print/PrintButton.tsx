import { useEffect, useId, useRef, useState } from 'react';
import type { Order } from '../../../domain/order';
import { useT } from '../../../i18n';
import { orderLabel } from '../../../i18n/orderLabel';
import { KitchenSlip } from '../../../print/KitchenSlip';
import {
  rememberedRollWidth,
  rememberRollWidth,
  rollPaper,
  ROLL_WIDTHS,
  type RollWidth,
} from '../../../print/paper';
import { printDocument } from './printJob';
import { Receipt } from '../../../print/Receipt';
import './printControls.css';

type Kind = 'kitchen' | 'receipt';

/**
 * Prints an order's kitchen slip or receipt on this tablet's roll printer. The choice of paper width
 * is remembered on the device; nothing on screen changes (the slip goes to the print area only).
 */
export function PrintButton({ order, shopName }: { order: Order; shopName: string }) {
  const { lang, t } = useT();
  const [open, setOpen] = useState(false);
  const label = orderLabel(order, lang);
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={t('printOrder', { label })}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('printNow')}
      </button>
      {open && <PrintDialog order={order} shopName={shopName} onClose={() => setOpen(false)} />}
    </>
  );
}

function PrintDialog({ order, shopName, onClose }: { order: Order; shopName: string; onClose: () => void }) {
  const { lang, t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [kind, setKind] = useState<Kind>('kitchen');
  const [width, setWidth] = useState<RollWidth>(rememberedRollWidth);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const print = () => {
    rememberRollWidth(width);
    ref.current?.close();
    const doc =
      kind === 'kitchen' ? <KitchenSlip order={order} /> : <Receipt order={order} shopName={shopName} />;
    void printDocument(doc, rollPaper(width));
  };
  return (
    <dialog ref={ref} className="item-dialog print-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          print();
        }}
      >
        <h2 id={titleId}>{t('printTitle', { label: orderLabel(order, lang) })}</h2>
        <fieldset>
          <legend>{t('printWhat')}</legend>
          {(['kitchen', 'receipt'] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
              {t(k === 'kitchen' ? 'printKitchen' : 'printReceipt')}
            </label>
          ))}
        </fieldset>
        <RollWidthChoice legend={t('printPaper')} value={width} onChange={setWidth} />
        <p className="muted">{t('printPaperRemembered')}</p>
        <div className="row">
          <button type="submit">{t('printNow')}</button>
          <button type="button" className="secondary" onClick={() => ref.current?.close()}>
            {t('printCancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** 58 mm or 80 mm, as radio buttons. */
export function RollWidthChoice({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: RollWidth;
  onChange: (w: RollWidth) => void;
}) {
  const { t } = useT();
  const name = useId();
  return (
    <fieldset>
      <legend>{legend}</legend>
      {ROLL_WIDTHS.map((w) => (
        <label key={w} className="choice">
          <input type="radio" name={name} checked={value === w} onChange={() => onChange(w)} />
          {t(w === 58 ? 'printPaper58' : 'printPaper80')}
        </label>
      ))}
    </fieldset>
  );
}
