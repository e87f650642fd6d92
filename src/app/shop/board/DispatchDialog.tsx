import { useEffect, useId, useRef, useState } from 'react';
import { isPhone, MAX_PHONE_LENGTH } from '../../../domain/phone';
import { useT } from '../../../i18n';
import { typed } from '../../../ui/typed';

/** The protocol's bound on a rider's name (dispatchOrder in protocol/sync.ts). */
const MAX_RIDER_NAME = 40;

/**
 * A delivery leaves the shop: who takes it, if the shop wants the customer to know (both optional —
 * the owner on a scooter need not type their own name). A modal <dialog>: named, Esc closes.
 */
export function DispatchDialog({
  title,
  onDispatch,
  onClose,
}: {
  title: string;
  onDispatch: (rider: { riderName?: string; riderPhone?: string }) => void;
  onClose: () => void;
}) {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const nameId = useId();
  const phoneId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [badPhone, setBadPhone] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const submit = () => {
    const riderPhone = phone.trim();
    if (!isPhone(riderPhone)) return setBadPhone(true);
    const riderName = name.trim();
    onDispatch({ ...(riderName ? { riderName } : {}), ...(riderPhone ? { riderPhone } : {}) });
    ref.current?.close();
  };
  return (
    <dialog ref={ref} className="item-dialog dispatch-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <p className="muted">{t('bdDispatchLead')}</p>
        <label htmlFor={nameId}>{t('bdRiderName')}</label>
        <input
          id={nameId}
          value={name}
          maxLength={MAX_RIDER_NAME}
          autoComplete="off"
          onChange={(e) => setName(typed(e))}
        />
        <label htmlFor={phoneId}>{t('bdRiderPhone')}</label>
        <input
          id={phoneId}
          type="tel"
          inputMode="tel"
          value={phone}
          maxLength={MAX_PHONE_LENGTH}
          aria-invalid={badPhone || undefined}
          aria-describedby={badPhone ? errorId : undefined}
          onChange={(e) => {
            setPhone(typed(e));
            setBadPhone(false);
          }}
        />
        {badPhone && (
          <p id={errorId} className="field-error" role="alert">
            {t('bdRiderPhoneInvalid')}
          </p>
        )}
        <div className="row">
          <button type="submit">{t('bdDispatchSubmit')}</button>
          <button type="button" className="secondary" onClick={() => ref.current?.close()}>
            {t('bdRejectClose')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
