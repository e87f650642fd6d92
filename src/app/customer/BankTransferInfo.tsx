import { useState } from 'react';
import { formatWon } from '../../domain/money';
import { useT } from '../../i18n';

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
  const [copied, setCopied] = useState(false);
  return (
    <p className="row">
      <span>
        {label}: <strong>{text}</strong>
      </span>
      <button
        type="button"
        className="secondary"
        aria-label={t('copyWhat', { what: label })}
        onClick={() =>
          void navigator.clipboard?.writeText(copyText).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? t('copied') : t('copy')}
      </button>
    </p>
  );
}
