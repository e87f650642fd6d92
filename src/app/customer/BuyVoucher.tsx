import { useState, type FormEvent } from 'react';
import { call } from '../../client/api';
import { ensureDevice } from '../../client/device';
import type { Voucher } from '../../protocol/voucher';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Field } from '../../ui/Field';
import { useAsyncAction } from '../../ui/useAsyncAction';
import { BankTransferInfo } from './BankTransferInfo';
import { rememberRequest } from './wallet';
import { typed } from '../../ui/typed';

/**
 * A customer asks the shop for a voucher, paying by bank transfer. Nothing is signed until the shop
 * sees the money; the wallet then picks the voucher up (it lists this phone's requests).
 */
export function BuyVoucher({ slug, bankAccount }: { slug: string; bankAccount: string }) {
  const { lang, t } = useT();
  const [won, setWon] = useState('30000');
  const [buyer, setBuyer] = useState('');
  const [message, setMessage] = useState('');
  const [asked, setAsked] = useState<Voucher | null>(null);
  const action = useAsyncAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const deviceToken = await ensureDevice(lang);
      const v = await call('requestVoucher', {
        lang,
        deviceToken,
        params: { slug },
        body: { voucherId: crypto.randomUUID(), won: Math.floor(Number(won)), buyerName: buyer, message },
      });
      rememberRequest(slug);
      setAsked(v);
    });
  };
  return (
    <section aria-labelledby="buy-voucher-title">
      <h2 id="buy-voucher-title">{t('walletBuyTitle')}</h2>
      {asked ? (
        <>
          <p role="status">{t('walletBuyAsked')}</p>
          <BankTransferInfo account={bankAccount} amount={asked.won} />
        </>
      ) : (
        <form onSubmit={submit}>
          <Field
            label={t('voucherWon')}
            type="number"
            inputMode="numeric"
            min={1000}
            step={1000}
            required
            value={won}
            onChange={(e) => setWon(e.target.value)}
          />
          <Field
            label={t('voucherBuyer')}
            required
            maxLength={40}
            value={buyer}
            onChange={(e) => setBuyer(typed(e))}
          />
          <Field
            label={t('voucherMessage')}
            maxLength={200}
            value={message}
            onChange={(e) => setMessage(typed(e))}
          />
          <button type="submit" disabled={action.busy}>
            {t('walletBuy')}
          </button>
        </form>
      )}
      <Alert error={action.error} />
    </section>
  );
}
