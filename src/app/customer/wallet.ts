import { readVoucherToken } from '../../protocol/voucher';

/**
 * The voucher wallet on the phone: the tokens it was given, kept in localStorage so they show with no
 * network (the token itself is the voucher: the counter verifies it offline). The balance is the last
 * one the server told this phone, with when.
 */

const KEY = 'dangol.wallet';
/** Bounds what a pasted flood of links can store on the phone. */
const MAX_ENTRIES = 50;

export interface WalletEntry {
  slug: string;
  token: string;
  balance: number | null;
  balanceAt: number | null;
  addedAt: number;
}

export function walletEntries(): WalletEntry[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(raw) ? (raw as WalletEntry[]).filter((e) => readVoucherToken(e.token) !== null) : [];
  } catch {
    return [];
  }
}

function save(entries: WalletEntry[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(entries.slice(0, MAX_ENTRIES)));
  } catch {
    // Storage full or refused (private mode): the voucher still shows from the link itself.
  }
}

/** Adds the voucher of a link (once), newest first. */
export function keepInWallet(slug: string, token: string, now = Date.now()): void {
  const entries = walletEntries();
  if (entries.some((e) => e.token === token)) return;
  save([{ slug, token, balance: null, balanceAt: null, addedAt: now }, ...entries]);
}

export function rememberBalance(token: string, balance: number, now = Date.now()): void {
  save(walletEntries().map((e) => (e.token === token ? { ...e, balance, balanceAt: now } : e)));
}

const REQUESTS = 'dangol.voucherRequests';

/** Shops this phone asked for a voucher: the wallet asks them which were issued since. */
export function rememberRequest(slug: string): void {
  try {
    const slugs = new Set<string>(JSON.parse(localStorage.getItem(REQUESTS) ?? '[]') as string[]);
    slugs.add(slug);
    localStorage.setItem(REQUESTS, JSON.stringify([...slugs].slice(0, MAX_ENTRIES)));
  } catch {
    // Storage refused: the request still reached the shop; the link can be sent by the shop.
  }
}

export function askedAt(slug: string): boolean {
  try {
    return (JSON.parse(localStorage.getItem(REQUESTS) ?? '[]') as string[]).includes(slug);
  } catch {
    return false;
  }
}
