import type { transferMessagesKo } from './transferMessages';

/**
 * English words of ./transferMessages, in a module of their own: only the English chunk (i18n/en.ts, loaded
 * lazily) imports it, so a Korean reader's first load never carries them.
 */
export const transferMessagesEn: Record<keyof typeof transferMessagesKo, string> = {
  transferDepositor: 'Depositor name',
  transferDepositorHint: 'Please use this depositor name; the shop matches your transfer by it.',
  transferDeadline: 'Pay by',
  transferDeadlineAt: '{time}',
  transferDeadlineIfNow: '{time}, if you order now',
  transferDeadlineRule: 'If the transfer has not arrived by then, the order is cancelled automatically.',
  transferCancelled:
    'The transfer deadline ({time}) passed, so the order was cancelled. If you have already paid, please contact the shop.',
  transferCancelledShop: 'Cancelled automatically: transfer deadline ({time}) passed',
  transferWaitingShop: 'Awaiting transfer · depositor {name} · by {time}',
  transferSetting: 'Bank transfer deadline (minutes)',
  transferSettingHint:
    'If a transfer has not arrived this long after the order, the server cancels it. Never later than a pre-order’s pickup time, nor 30 minutes for a “now” order. 10–4320 minutes (3 days).',
};
