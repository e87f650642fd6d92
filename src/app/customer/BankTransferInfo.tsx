import { formatWon } from '../../domain/money';
import { useT } from '../../i18n';
import { CopyButton } from '../../ui/CopyButton';
import { UserText } from '../../ui/UserText';
import { formatDeadline } from '../transferTime';

/**
 * The shop's account and the exact amount, each with a copy button: a typo here is lost money. Once
 * the order exists, also the depositor name to use (the shop matches the transfer by it) and the
 * deadline the server gave it (#16): past it, unpaid, the order is cancelled.
 */
export function BankTransferInfo({
  account,
  amount,
  depositor,
  payBy,
  timeZone,
  payByIfNow,
}: {
  account: string;
  amount: number;
  depositor?: string;
  payBy?: string | null;
  timeZone?: string;
  /** Before the order exists: the deadline it would get if placed now (the server sets the real one). */
  payByIfNow?: string;
}) {
  const { lang, t } = useT();
  return (
    <div className="bank-info" role="group" aria-label={t('bankTransferInfo')}>
      <p>{t('bankTransferHow')}</p>
      <CopyRow label={t('bankAccount')} text={account} copyText={account} />
      <CopyRow label={t('amountToSend')} text={formatWon(amount, lang)} copyText={String(amount)} />
      {depositor && (
        <>
          <CopyRow label={t('transferDepositor')} text={depositor} copyText={depositor} />
          <p className="muted">{t('transferDepositorHint')}</p>
        </>
      )}
      {payBy && timeZone && (
        <p className="bank-deadline">
          {t('transferDeadline')}:{' '}
          <strong>{t('transferDeadlineAt', { time: formatDeadline(payBy, timeZone, lang) })}</strong>
          <br />
          <span className="muted">{t('transferDeadlineRule')}</span>
        </p>
      )}
      {!payBy && payByIfNow && timeZone && (
        <p className="bank-deadline">
          {t('transferDeadline')}:{' '}
          <strong>{t('transferDeadlineIfNow', { time: formatDeadline(payByIfNow, timeZone, lang) })}</strong>
          <br />
          <span className="muted">{t('transferDeadlineRule')}</span>
        </p>
      )}
      <p className="muted">{t('bankTransferConfirm')}</p>
    </div>
  );
}

function CopyRow({ label, text, copyText }: { label: string; text: string; copyText: string }) {
  const { t } = useT();
  return (
    <p className="row">
      <span>
        {label}:{' '}
        <strong>
          <UserText>{text}</UserText>
        </strong>
      </span>
      <CopyButton text={copyText} label={t('copy')} ariaLabel={t('copyWhat', { what: label })} />
    </p>
  );
}
