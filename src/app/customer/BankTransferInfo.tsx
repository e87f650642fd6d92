import { formatWon } from '../../domain/money';
import { useT } from '../../i18n';
import { CopyButton } from '../../ui/CopyButton';
import { UserText } from '../../ui/UserText';

/** The shop's account and the exact amount, each with a copy button: a typo here is lost money. */
export function BankTransferInfo({ account, amount }: { account: string; amount: number }) {
  const { lang, t } = useT();
  return (
    <div className="bank-info" role="group" aria-label={t('bankTransferInfo')}>
      <p>{t('bankTransferHow')}</p>
      <CopyRow label={t('bankAccount')} text={account} copyText={account} />
      <CopyRow label={t('amountToSend')} text={formatWon(amount, lang)} copyText={String(amount)} />
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
