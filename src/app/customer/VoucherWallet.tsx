import { useEffect, useState } from 'react';
import { ensureDevice } from '../../client/device';
import { call } from '../../client/api';
import { formatWon } from '../../domain/money';
import { expiryNotice, voucherCode, voucherLastDay, type VoucherClaims } from '../../domain/voucher';
import { readVoucherToken } from '../../protocol/voucher';
import { useT } from '../../i18n';
import { useNow } from '../../ui/useNow';
import { voucherLink, VoucherQr } from '../VoucherCard';
import { askedAt, keepInWallet, rememberBalance, walletEntries, type WalletEntry } from './wallet';
import { BuyVoucher } from './BuyVoucher';
import { UserText } from '../../ui/UserText';

/**
 * /s/<slug>/v/<token>: the voucher a friend sent, kept in this phone's wallet and shown offline
 * with its QR and typed code. The balance is asked of the server whenever the phone is online.
 */
export default function VoucherWallet({ slug, token }: { slug: string; token: string | null }) {
  const { lang, t } = useT();
  const [entries, setEntries] = useState<WalletEntry[]>(() => {
    if (token && readVoucherToken(token)) keepInWallet(slug, token);
    return walletEntries().filter((e) => e.slug === slug);
  });

  useEffect(() => {
    let live = true;
    const refresh = async () => {
      // Vouchers this phone asked for and the shop has since issued join the wallet.
      if (askedAt(slug)) {
        try {
          const deviceToken = await ensureDevice(lang);
          const mine = await call('myVouchers', { lang, deviceToken, params: { slug } });
          for (const v of mine.vouchers) if (v.token) keepInWallet(slug, v.token);
        } catch {
          // Offline: next time.
        }
      }
      for (const e of walletEntries().filter((x) => x.slug === slug)) {
        try {
          const b = await call('voucherBalance', { lang, params: { slug }, body: { token: e.token } });
          rememberBalance(e.token, b.balance);
        } catch {
          // Offline, or the server refused it: the last known balance stays on screen.
        }
      }
      if (live) setEntries(walletEntries().filter((x) => x.slug === slug));
    };
    void refresh();
    window.addEventListener('online', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      live = false;
      window.removeEventListener('online', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [slug, lang]);

  const [bank, setBank] = useState<string | null>(null);
  useEffect(() => {
    call('publicShop', { lang, params: { slug } }).then(
      (d) => setBank(d.shop.bankTransfer && d.shop.bankAccount ? d.shop.bankAccount : null),
      () => setBank(null),
    );
  }, [slug, lang]);
  const invalid = token !== null && !readVoucherToken(token);
  return (
    <main className="page">
      <h1>{t('walletTitle')}</h1>
      {invalid && <p role="alert">{t('walletInvalid')}</p>}
      {entries.length === 0 && !invalid && <p>{t('walletEmpty')}</p>}
      {entries.length > 0 && <p className="muted">{t('walletSaved')}</p>}
      {entries.map((e) => {
        const claims = readVoucherToken(e.token)!.claims;
        return (
          <article key={e.token} aria-label={voucherCode(claims.id)} className="voucher-card">
            <h2>{claims.item ? <UserText>{claims.item.name}</UserText> : formatWon(claims.won, lang)}</h2>
            <p className="voucher-balance">
              {e.balance === null
                ? t('walletOfflineBalance')
                : t('walletBalance', { amount: formatWon(e.balance, lang) })}
            </p>
            {e.balanceAt !== null && (
              <p className="muted">
                {t('walletBalanceAt', {
                  time: new Date(e.balanceAt).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB'),
                })}
              </p>
            )}
            <p>{t('voucherExpiresOn', { date: voucherLastDay(claims.expiresAt) })}</p>
            <ExpiryNoticeText claims={claims} balance={e.balance} />
            <p className="muted">{t('walletShowAtCounter')}</p>
            <VoucherQr text={voucherLink(e.slug, e.token)} code={voucherCode(claims.id)} />
          </article>
        );
      })}
      {bank && <BuyVoucher slug={slug} bankAccount={bank} />}
      <p>
        <a href={`/s/${encodeURIComponent(slug)}`}>{t('walletMenu')}</a>
      </p>
    </main>
  );
}

/**
 * The notice the standard terms ask for, shown to whoever holds the voucher: 30 days ahead, and the
 * 90 % refund once expired. Offline with no balance heard yet, the face value stands in for "value
 * left" so the warning still shows; the refund sum is named only when the balance is known.
 */
function ExpiryNoticeText({ claims, balance }: { claims: VoucherClaims; balance: number | null }) {
  const { lang, t } = useT();
  const now = useNow().getTime();
  const notice = expiryNotice({ ...claims, balance: balance ?? claims.won }, now);
  if (!notice) return null;
  if (notice.kind === 'soon')
    return (
      <p role="note" className="voucher-expiry">
        {t('voucherExpiresSoon', { days: notice.daysLeft, date: voucherLastDay(claims.expiresAt) })}
      </p>
    );
  if (balance === null) return null;
  return (
    <p role="note" className="voucher-expiry">
      {t('voucherExpiredRefund', {
        until: voucherLastDay(notice.refundUntil),
        amount: formatWon(notice.refundWon, lang),
      })}
    </p>
  );
}
