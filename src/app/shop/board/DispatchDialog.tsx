import { useId, useState } from 'react';
import { Dialog } from '../../../ui/Dialog';
import { isPhone, MAX_PHONE_LENGTH } from '../../../domain/phone';
import { useT } from '../../../i18n';
import { typed } from '../../../ui/typed';

/** The protocol's bound on a rider's name (dispatchOrder in protocol/sync.ts). */
const MAX_RIDER_NAME = 40;

/**
 * A delivery leaves the shop: who takes it, if the shop wants the customer to know (both optional —
 * the owner on a scooter need not type their own name), in the console's one dialog (ui/Dialog).
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
  const nameId = useId();
  const phoneId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [badPhone, setBadPhone] = useState(false);
  const submit = (close: () => void) => {
    const riderPhone = phone.trim();
    if (!isPhone(riderPhone)) return setBadPhone(true);
    const riderName = name.trim();
    onDispatch({ ...(riderName ? { riderName } : {}), ...(riderPhone ? { riderPhone } : {}) });
    close();
  };
  return (
    <Dialog
      title={title}
      className="dispatch-dialog"
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('bdDispatchSubmit')}
      closeLabel={t('bdRejectClose')}
    >
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
    </Dialog>
  );
}
