import { useId, useState } from 'react';
import { Dialog } from '../../../ui/Dialog';
import { useT, type MessageKey } from '../../../i18n';
import { typed } from '../../../ui/typed';

const QUICK_REASONS: MessageKey[] = ['bdReasonNoStock', 'bdReasonClosing', 'bdReasonBusy', 'bdReasonTime'];
/** The protocol's bound on a rejection reason (rejectOrder in protocol/sync.ts). */
const MAX_REASON = 200;

/** A quick reason, a free note, or both ("재료 소진 — 내일 다시 주문해 주세요"): what the customer reads. */
export function rejectReason(quick: string, free: string): string {
  return [quick.trim(), free.trim()].filter(Boolean).join(' — ').slice(0, MAX_REASON);
}

/**
 * Asks why before rejecting: a modal <dialog> (named, focus kept inside, Esc closes) with the usual
 * reasons one tap away and room for a note to the customer.
 */
export function RejectDialog({
  label,
  onReject,
  onClose,
}: {
  /** What the order is called (i18n/orderLabel): "23번" or "임시 K7Q2". */
  label: string;
  onReject: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useT();
  const freeId = useId();
  const errorId = useId();
  const [quick, setQuick] = useState('');
  const [free, setFree] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (close: () => void) => {
    const reason = rejectReason(quick, free);
    if (!reason) return setMissing(true);
    onReject(reason);
    close();
  };
  return (
    <Dialog
      title={t('bdRejectTitle', { label })}
      className="reject-dialog"
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('bdRejectSubmit')}
      closeLabel={t('bdRejectClose')}
    >
      <p className="muted">{t('bdRejectLead')}</p>
      <fieldset>
        <legend>{t('bdRejectQuick')}</legend>
        {QUICK_REASONS.map((key) => (
          <label key={key} className="choice">
            <input
              type="radio"
              name="reason"
              checked={quick === t(key)}
              onChange={() => {
                setQuick(t(key));
                setMissing(false);
              }}
            />
            {t(key)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={freeId}>{t('bdRejectFree')}</label>
      <textarea
        id={freeId}
        rows={2}
        maxLength={MAX_REASON}
        value={free}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? errorId : undefined}
        onChange={(e) => {
          setFree(typed(e));
          setMissing(false);
        }}
      />
      {missing && (
        <p id={errorId} className="field-error" role="alert">
          {t('bdRejectNeedReason')}
        </p>
      )}
    </Dialog>
  );
}
