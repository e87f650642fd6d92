import { useState, type FormEvent } from 'react';
import { call } from '../../../client/api';
import type { ClientDb } from '../../../client/db';
import { DEFAULT_VALID_DAYS } from '../../../domain/voucher';
import type { PaidBy, Voucher } from '../../../protocol/voucher';
import { useT } from '../../../i18n';
import { Alert } from '../../../ui/Alert';
import { CopyButton } from '../../../ui/CopyButton';
import { Field } from '../../../ui/Field';
import { useAsyncAction } from '../../../ui/useAsyncAction';
import { useLive } from '../../useDeviceSync';
import { voucherLink, VoucherQr } from '../../VoucherCard';
import { refreshNow } from './useVoucherSync';
import { typed } from '../../../ui/typed';

/** "YYYY-MM-DD" on this tablet's calendar, `days` from today. */
function dateIn(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The last valid day, inclusive: the voucher stops at the next midnight on this tablet's clock. */
function endOf(date: string): string {
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
}

/** Selling a voucher at the counter. Needs the server: the shop's private key never leaves it. */
export function IssueForm({ db, slug }: { db: ClientDb; slug: string }) {
  const { lang, t } = useT();
  const items = useLive(db, (d) => d.items.toArray(), 'items') ?? [];
  const [kind, setKind] = useState<'amount' | 'item'>('amount');
  const [won, setWon] = useState('30000');
  const [itemId, setItemId] = useState('');
  const [expiry, setExpiry] = useState(() => dateIn(DEFAULT_VALID_DAYS));
  const [message, setMessage] = useState('');
  const [buyer, setBuyer] = useState('');
  const [paid, setPaid] = useState<PaidBy | 'later'>('cash');
  const [issued, setIssued] = useState<Voucher | null>(null);
  const action = useAsyncAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const v = await call('issueVoucher', {
        lang,
        body: {
          voucherId: crypto.randomUUID(),
          won: kind === 'amount' ? Math.floor(Number(won)) : null,
          itemId: kind === 'item' ? itemId : null,
          expiresAt: endOf(expiry),
          message,
          buyerName: buyer,
          paidBy: paid === 'later' ? null : paid,
        },
      });
      setIssued(v);
      await refreshNow(db, lang);
      return t('voucherIssued');
    });
  };

  const link = issued?.token ? voucherLink(slug, issued.token) : null;
  return (
    <section aria-labelledby="voucher-issue-title" className="voucher-section">
      <h3 id="voucher-issue-title">{t('voucherIssueTitle')}</h3>
      <p className="muted">{t('voucherOnline')}</p>
      <form onSubmit={submit} className="voucher-form">
        <fieldset>
          <legend>{t('voucherKind')}</legend>
          <label>
            <input
              type="radio"
              name="voucher-kind"
              checked={kind === 'amount'}
              onChange={() => setKind('amount')}
            />
            {t('voucherKindAmount')}
          </label>
          <label>
            <input
              type="radio"
              name="voucher-kind"
              checked={kind === 'item'}
              onChange={() => setKind('item')}
            />
            {t('voucherKindItem')}
          </label>
        </fieldset>
        {kind === 'amount' ? (
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
        ) : (
          <div className="field">
            <label htmlFor="voucher-item">{t('voucherItem')}</label>
            <select id="voucher-item" required value={itemId} onChange={(e) => setItemId(e.target.value)}>
              <option value="" />
              {items.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <Field
          label={t('voucherExpiry')}
          hint={t('voucherExpiryHint')}
          type="date"
          required
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
        />
        <Field
          label={t('voucherMessage')}
          value={message}
          maxLength={200}
          onChange={(e) => setMessage(typed(e))}
        />
        <Field label={t('voucherBuyer')} value={buyer} maxLength={40} onChange={(e) => setBuyer(typed(e))} />
        <div className="field">
          <label htmlFor="voucher-paid">{t('voucherPaidBy')}</label>
          <select
            id="voucher-paid"
            value={paid}
            onChange={(e) => setPaid(e.target.value as PaidBy | 'later')}
          >
            <option value="cash">{t('voucherPaidCash')}</option>
            <option value="card">{t('voucherPaidCard')}</option>
            <option value="transfer">{t('voucherPaidTransfer')}</option>
            <option value="later">{t('voucherPaidLater')}</option>
          </select>
        </div>
        <button type="submit" disabled={action.busy}>
          {t('voucherIssue')}
        </button>
      </form>
      <Alert error={action.error} info={action.info} />
      {issued && link && (
        <div className="voucher-issued">
          <VoucherQr text={link} code={issued.code} />
          <p>
            <label htmlFor="voucher-link">{t('voucherShareLink')}</label>
            <input id="voucher-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          </p>
          <CopyButton text={link} label={t('voucherCopyLink')} />
        </div>
      )}
    </section>
  );
}
