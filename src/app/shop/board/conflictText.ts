import { isSoldOut, type MenuItem } from '../../../domain/catalogue';
import { shopLocalDate } from '../../../domain/hours';
import { formatWon } from '../../../domain/money';
import type { Order } from '../../../domain/order';
import { voucherCode } from '../../../domain/voucher';
import type { MessageKey } from '../../../i18n';
import { orderLabel } from '../../../i18n/orderLabel';
import { errorMessage, isErrorCode } from '../../../protocol/errors';
import type { Lang } from '../../../protocol/lang';
import type { MutationName } from '../../../protocol/sync';
import { isolate } from '../../../domain/bidi';
import { formatDay } from '../../../print/format';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A refusal said in three parts after what it was about: tried, why not, what stands now. */
export interface ConflictWords {
  subject: string;
  failed: string;
  why: string;
  now: string;
}

/** The server's reason in the reader's language; a code this build does not know reads as "internal". */
const reason = (code: string, lang: Lang) =>
  isErrorCode(code) ? errorMessage(code, lang) : errorMessage('internal', lang);

const FAILED: Partial<Record<MutationName, MessageKey>> = {
  acceptOrder: 'bdFailedAccept',
  confirmOrder: 'bdFailedConfirm',
  dispatchOrder: 'bdFailedDispatch',
  rejectOrder: 'bdFailedReject',
  markReady: 'bdFailedReady',
  completeOrder: 'bdFailedComplete',
  markPaid: 'bdFailedPaid',
  placeOrder: 'bdFailedPlace',
  cancelOrder: 'bdFailedCancel',
};

/** The status the order moved to, said as who moved it: the usual reason a tablet's change loses. */
const WHY: Partial<Record<Order['status'], MessageKey>> = {
  cancelled: 'bdWhyCancelled',
  accepted: 'bdWhyAccepted',
  confirmed: 'bdWhyConfirmed',
  outForDelivery: 'bdWhyOut',
  rejected: 'bdWhyRejected',
  ready: 'bdWhyReady',
  completed: 'bdWhyCompleted',
};

/**
 * Who moved it, as far as the order says: a cancel with no reason of the server's own came from the
 * customer (the board has no cancel button); the server's own cancels say why (a transfer deadline).
 */
function whyMoved(order: Order): MessageKey | undefined {
  if (order.status === 'cancelled' && !order.cancelReason) return 'bdWhyCustomerCancelled';
  return WHY[order.status];
}

/** Codes that mean "the order's status had moved on": the current status says best what happened. */
const MOVED_ON = new Set(['invalid_transition', 'cancel_too_late']);

const clock = (iso: string, lang: Lang, timeZone?: string) =>
  new Date(iso).toLocaleTimeString(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });

/** What stands now, in words: "접수됨 (20분, 오후 12:30까지)". */
export function nowText(order: Order | null, t: T, lang: Lang, timeZone?: string): string {
  if (!order) return t('bdNowUnknown');
  const status = (() => {
    switch (order.status) {
      case 'placed':
        return t('bdNowPlaced');
      case 'accepted':
        return t('bdNowAccepted', {
          min: order.prepMinutes ?? '?',
          time: order.readyBy ? clock(order.readyBy, lang, timeZone) : '?',
        });
      case 'confirmed':
        return t('bdNowConfirmed', { when: `${formatDay(order.date, lang)} ${order.slot ?? ''}`.trim() });
      case 'ready':
        return t('bdNowReady');
      case 'outForDelivery':
        return t('bdNowOut');
      case 'completed':
        return t(order.fulfilment === 'delivery' ? 'bdNowDelivered' : 'bdNowCompleted');
      case 'rejected':
        // The shop's typed reason, isolated (FSI…PDI): the words are a string, not a view.
        return t('bdNowRejected', { reason: order.rejectReason ? isolate(order.rejectReason) : '' });
      case 'cancelled':
        return t('bdNowCancelled');
    }
  })();
  return t('bdNowIs', { status });
}

/**
 * A refused change in plain words: what this tablet tried, why it did not go through, and what
 * stands now. E.g. "접수하지 못했어요. 다른 기기에서 이미 접수했습니다. 지금 상태: 접수됨 (20분, 12:30까지)".
 * `current` is the server's copy (the truth), or null when this tablet has not heard of it.
 */
export function conflictText(
  conflict: { name: MutationName; code: string; orderId?: string },
  current: Order | null,
  t: T,
  lang: Lang,
  timeZone?: string,
): ConflictWords {
  // Called by the server's number when this tablet has it, else by the same provisional label as the card.
  const label = conflict.orderId ? orderLabel({ id: conflict.orderId, number: current?.number }, lang) : '';
  const subject = t('bdConflictOrder', { label });
  const failed = t(FAILED[conflict.name] ?? 'bdFailedOther');
  const moved = current && MOVED_ON.has(conflict.code) ? whyMoved(current) : undefined;
  const why = moved ? t(moved) : reason(conflict.code, lang);
  // A refused new order has no server copy to describe: the reason is the whole story.
  const now = current || conflict.name !== 'placeOrder' ? nowText(current, t, lang, timeZone) : '';
  return { subject, failed, why, now };
}

/** A refused sold-out mark: the item's name, and whether it is on sale now as far as this tablet knows. */
export function itemConflictText(
  conflict: { code: string },
  item: MenuItem | null,
  t: T,
  lang: Lang,
  timeZone: string,
): ConflictWords {
  const soldOut = item && isSoldOut(item, shopLocalDate(new Date(), timeZone));
  return {
    subject: item ? item.name : t('bdConflictItemGone'),
    failed: t('bdFailedSoldOut'),
    why: reason(conflict.code, lang),
    now: item ? t('bdNowIs', { status: t(soldOut ? 'bdNowItemSoldOut' : 'bdNowItemOnSale') }) : '',
  };
}

/**
 * A refused redemption: the goods went over the counter but the server did not take the amount off
 * the voucher, so the owner must know which voucher and how much, and settle it by hand.
 */
export function voucherConflictText(
  conflict: { code: string; voucherId?: string; amount?: number },
  balance: number | null,
  t: T,
  lang: Lang,
): ConflictWords {
  return {
    subject: t('bdConflictVoucher', { code: conflict.voucherId ? voucherCode(conflict.voucherId) : '?' }),
    failed: t('bdFailedRedeem', { amount: formatWon(conflict.amount ?? 0, lang) }),
    why: reason(conflict.code, lang),
    now: [
      balance === null ? '' : t('bdNowVoucherBalance', { amount: formatWon(balance, lang) }),
      t('bdRedeemSettle'),
    ]
      .filter(Boolean)
      .join(' '),
  };
}
