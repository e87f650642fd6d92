import { useState, type FormEvent } from 'react';
import type { ClientDb } from '../../../client/db';
import { checkAtCounter, redeemAtCounter, type CounterCheck } from '../../../client/vouchers';
import { formatWon } from '../../../domain/money';
import { voucherLastDay } from '../../../domain/voucher';
import { errorMessage } from '../../../protocol/errors';
import { useT } from '../../../i18n';
import { Alert } from '../../../ui/Alert';
import { Field } from '../../../ui/Field';
import { useSingleFlight } from '../../../ui/useSingleFlight';
import { QrScanner } from '../intake/QrScanner';
import { Msg } from '../../../ui/UserText';

/**
 * The counter: a scanned QR, a pasted link or a typed code is verified on this tablet (signature,
 * shop, expiry, checksum) and redeemed whole or in part into the outbox. Nothing here needs a network.
 */
export function RedeemForm({ db }: { db: ClientDb }) {
  const { lang, t } = useT();
  const [text, setText] = useState('');
  const [check, setCheck] = useState<CounterCheck | null>(null);
  const [amount, setAmount] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function look(input: string) {
    setDone(null);
    setError(null);
    const c = await checkAtCounter(db, input);
    setCheck(c);
    if (!c.ok) setError(c.code === 'voucher_no_copy' ? t('voucherNoCopy') : errorMessage(c.code, lang));
  }

  // "Redeem all" tapped twice must take the voucher once.
  const redeeming = useSingleFlight();
  const redeem = (won: number) => redeeming.run(() => take(won));
  async function take(won: number) {
    if (!check?.ok) return;
    const { voucher, balance } = check.known;
    if (won <= 0) return;
    if (won > balance) return setError(t('voucherOverBalance', { amount: formatWon(balance, lang) }));
    await redeemAtCounter(db, voucher.id, won);
    setDone(t('voucherRedeemed', { amount: formatWon(won, lang), balance: formatWon(balance - won, lang) }));
    setCheck(null);
    setAmount('');
    setText('');
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void look(text);
  };
  const known = check?.ok ? check.known : null;
  return (
    <section aria-labelledby="voucher-redeem-title" className="voucher-section">
      <h3 id="voucher-redeem-title">{t('voucherRedeemTitle')}</h3>
      <form onSubmit={onSubmit} className="row">
        <Field
          label={t('voucherInput')}
          hint={t('voucherInputHint')}
          value={text}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{t('voucherCheck')}</button>
      </form>
      <QrScanner
        onText={(scanned) => {
          setText(scanned);
          void look(scanned);
        }}
      />
      <Alert error={error} info={done} />
      {known && (
        <div className="voucher-found" role="group" aria-label={known.voucher.code || t('voucherGenuine')}>
          <p>{t('voucherGenuine')}</p>
          <p className="voucher-balance">
            {t('voucherKnownBalance', { amount: formatWon(known.balance, lang) })}
          </p>
          {known.pending > 0 && <p className="muted">{t('voucherPendingNote', { n: known.pending })}</p>}
          {known.voucher.item && (
            <p>
              <Msg text={t('voucherItemOf')} user={{ name: known.voucher.item.name }} />
            </p>
          )}
          <p className="muted">
            {t('voucherExpiresOn', { date: voucherLastDay(Date.parse(known.voucher.expiresAt)) })}
          </p>
          <div className="row">
            <button
              type="button"
              onClick={() => void redeem(known.balance)}
              disabled={known.balance === 0 || redeeming.busy}
            >
              {t('voucherRedeemAll')}
            </button>
            {!known.voucher.item && (
              <>
                <Field
                  label={t('voucherAmount')}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={known.balance}
                  value={amount}
                  onChange={(e) => setAmount(e.target.value)}
                />
                <button
                  type="button"
                  className="secondary"
                  disabled={!(Number(amount) > 0) || redeeming.busy}
                  onClick={() => void redeem(Math.floor(Number(amount)))}
                >
                  {t('voucherRedeemPart')}
                </button>
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
