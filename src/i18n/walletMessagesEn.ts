import type { walletKo } from './walletMessages';

/**
 * English words of ./walletMessages, in a module of their own: only the English chunk (i18n/en.ts, loaded
 * lazily) imports it, so a Korean reader's first load never carries them.
 */
export const walletEn: Record<keyof typeof walletKo, string> = {
  voucherExpiresOn: 'Valid until {date}',
  voucherWon: 'Amount (won)',
  voucherMessage: 'Message (optional)',
  voucherBuyer: 'Buyer name',
  voucherCode: 'Code',
  voucherQrOf: 'Voucher QR code',
  walletTitle: 'My vouchers',
  walletSaved: 'Saved on this phone. It can be shown at the counter without internet.',
  walletBalance: 'Balance {amount}',
  walletBalanceAt: 'as of {time}',
  walletOfflineBalance: 'The balance is refreshed when online.',
  walletShowAtCounter: 'Show this QR at the counter or read out the code.',
  voucherExpiresSoon:
    'Expires in {days} day(s) (valid until {date}). Use it by then or ask the shop to extend it. After expiry, 90% of the balance can still be refunded.',
  voucherExpiredRefund:
    'This voucher has expired. Until {until}, the shop refunds 90% of the balance: {amount}.',
  walletEmpty: 'No vouchers saved.',
  walletInvalid: 'The voucher in this link cannot be read.',
  walletMenu: 'See the shop’s menu',
  walletBuyTitle: 'Buy a voucher (bank transfer)',
  walletBuy: 'Request voucher',
  walletBuyAsked:
    'Requested. Send the amount to the account below; the shop issues the voucher once it sees the money, and it appears here.',
};
