import { useEffect } from 'react';
import { call } from '../../../client/api';
import type { ClientDb } from '../../../client/db';
import { refreshVouchers, voucherBook, type VoucherBook } from '../../../client/vouchers';
import { useT } from '../../../i18n';
import { useLive } from '../../useDeviceSync';

/** Often enough that a voucher sold on another tablet is known here within a minute. */
const REFRESH_MS = 30_000;

/**
 * Keeps this tablet's copy of the shop's vouchers fresh while the tab is open: at once, when the
 * network returns, when this tablet's outbox changes (its redemptions reached the server) and every
 * half minute. Offline, the stored copy is what the counter works from.
 */
export function useVoucherBook(db: ClientDb | undefined): VoucherBook | undefined {
  const { lang } = useT();
  const book = useLive(db, voucherBook, 'vouchers');
  const waiting = useLive(db, (d) => d.outbox.count(), 'outbox-count');
  useEffect(() => {
    if (!db) return;
    const refresh = () => void refreshVouchers(db, () => call('shopVouchers', { lang })).catch(() => {});
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    window.addEventListener('online', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', refresh);
    };
  }, [db, lang, waiting]);
  return book;
}

export function refreshNow(db: ClientDb, lang: 'ko' | 'en'): Promise<unknown> {
  return refreshVouchers(db, () => call('shopVouchers', { lang })).catch(() => null);
}
