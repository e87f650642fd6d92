import type { VoucherBook } from '../../../client/vouchers';
import { formatWon } from '../../../domain/money';
import { expiryNotice, voucherLastDay } from '../../../domain/voucher';
import { useT } from '../../../i18n';
import { Alert } from '../../../ui/Alert';
import { useAsyncAction } from '../../../ui/useAsyncAction';
import { voucherLink } from '../../VoucherCard';
import { useNow } from '../../../ui/useNow';
import { isolate } from '../../../domain/bidi';
import { Msg } from '../../../ui/UserText';

/**
 * Vouchers with value left that expire within 30 days, and the notice the standard terms ask the
 * shop to give (expiry date, extension, the 90 % refund). Dangol sends no messages itself — the
 * whole point is needing no platform — so the tablet opens a text message or copies the words for
 * whatever channel the shop has with the buyer. The recipient is left for the shop to choose:
 * a voucher passes hands, and only the buyer's name is known.
 */
export function ExpiringVouchers({
  book,
  shopName,
  slug,
}: {
  book: VoucherBook;
  shopName: string;
  slug: string;
}) {
  const { lang, t } = useT();
  const action = useAsyncAction();
  const now = useNow().getTime();
  const due = book.vouchers.flatMap(({ voucher: v, balance }) => {
    if (!v.token || !v.issuedAt) return [];
    const expiresAt = Date.parse(v.expiresAt);
    const notice = expiryNotice({ balance, issuedAt: Date.parse(v.issuedAt), expiresAt }, now);
    return notice?.kind === 'soon'
      ? [{ v, token: v.token, balance, daysLeft: notice.daysLeft, expiresAt }]
      : [];
  });
  if (due.length === 0) return null;
  due.sort((a, b) => a.expiresAt - b.expiresAt);
  const w = (n: number) => formatWon(n, lang);
  const body = (d: (typeof due)[number]) =>
    t('voucherNoticeBody', {
      shop: isolate(shopName),
      code: d.v.code,
      date: voucherLastDay(d.expiresAt),
      amount: w(d.balance),
      link: voucherLink(slug, d.token),
    });
  const copy = (text: string) =>
    action.run(async () => {
      await navigator.clipboard.writeText(text);
      return t('copied');
    });

  return (
    <section aria-labelledby="voucher-expiring-title" className="voucher-section">
      <h3 id="voucher-expiring-title">{t('voucherExpiringTitle')}</h3>
      <p className="muted">{t('voucherExpiringHint')}</p>
      <Alert error={action.error} info={action.info} />
      <ul className="plain-list">
        {due.map((d) => (
          <li key={d.v.id} className="row">
            <span>
              <Msg
                text={t('voucherExpiringRow')}
                vars={{
                  code: d.v.code,
                  amount: w(d.balance),
                  date: voucherLastDay(d.expiresAt),
                  days: d.daysLeft,
                }}
                user={{ buyer: d.v.buyerName }}
              />
            </span>
            <a className="button secondary" href={`sms:?body=${encodeURIComponent(body(d))}`}>
              {t('voucherNoticeSms', { code: d.v.code })}
            </a>
            <button
              type="button"
              className="secondary"
              disabled={action.busy}
              onClick={() => void copy(body(d))}
            >
              {t('voucherNoticeCopy', { code: d.v.code })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
