import { useRef, useState } from 'react';
import { TransferNote } from './TransferNote';
import type { ClientDb, LocalOrder } from '../../../client/db';
import { enqueue } from '../../../client/outbox';
import { formatWon } from '../../../domain/money';
import { waitLevel } from '../../../domain/dueTime';
import { shopLocalDate } from '../../../domain/hours';
import { kindOf, type Order } from '../../../domain/order';
import { useT, type MessageKey } from '../../../i18n';
import { orderLabel } from '../../../i18n/orderLabel';
import { formatDay, formatMoment } from '../../../print/format';
import type { MutationInput, MutationName } from '../../../protocol/sync';
import { PrintButton } from '../print/PrintButton';
import { AcceptControls } from './AcceptControls';
import { RejectDialog } from './RejectDialog';
import { DispatchDialog } from './DispatchDialog';
import { boardStatusKey } from './statusWords';
import { Msg, UserText, UserTextList } from '../../../ui/UserText';

const KIND_CLASS: Partial<Record<MessageKey, string>> = {
  bdKindNow: 'kind-now',
  bdKindPickup: 'kind-pickup',
  bdKindDelivery: 'kind-delivery',
};

const clock = (iso: string, lang: 'ko' | 'en', timeZone: string) =>
  new Date(iso).toLocaleTimeString(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });

/**
 * One order on the board: who, when, what, how much and how paid, where it stands, and the next
 * steps. Every tap goes into this tablet's outbox (works offline, reaches the server exactly once).
 * Customer text (name, note) is rendered as text, never as markup, isolated for direction.
 */
export function OrderCard({
  order,
  view,
  db,
  shopName,
  timeZone,
  now,
}: {
  order: LocalOrder;
  view: Order;
  db: ClientDb;
  shopName: string;
  timeZone: string;
  /** The board's clock (a tick a minute), for today's dates and how long a new order has waited. */
  now: Date;
}) {
  const { lang, t } = useT();
  const [rejecting, setRejecting] = useState(false);
  const [dispatching, setDispatching] = useState(false);
  // One decision per state: a double tap must not queue two accepts (the second would come back
  // refused and raise a false "another device" notice). A refused change changes `pending`, so the
  // same action can be tried again after it.
  const lastAct = useRef('');
  const act = <N extends MutationName>(name: N, args: MutationInput<N>) => {
    const key = `${name}:${view.status}:${order.server?.version ?? 0}:${order.pending}`;
    if (lastAct.current === key) return;
    lastAct.current = key;
    void enqueue(db, name, args);
  };
  const id = view.id;
  const from = view.status;
  const title = t('orderNumber', { label: orderLabel(view, lang) });
  const settled = view.status === 'rejected' || view.status === 'cancelled';
  const kindOfOrder = kindOf(view);
  // Any order for a chosen slot is a reservation (a same-day 11:30 one too): its promise is the slot.
  const preorder = kindOfOrder.timing === 'scheduled';
  const delivery = view.fulfilment === 'delivery';
  const when =
    `${view.date === shopLocalDate(now, timeZone) ? t('bdToday') : formatDay(view.date, lang)} ${view.slot ?? ''}`.trim();
  const inHand = view.status === 'accepted' || view.status === 'confirmed';
  const today = shopLocalDate(now, timeZone);
  const kind: MessageKey =
    view.fulfilment === 'delivery' ? 'bdKindDelivery' : view.slot === null ? 'bdKindNow' : 'bdKindPickup';
  const due =
    view.slot === null
      ? t('bdDueNow')
      : view.date === today
        ? t('bdDueToday', { slot: view.slot })
        : t('bdDueDay', { date: formatDay(view.date, lang), slot: view.slot });
  const wait = waitLevel(view, now);
  return (
    <li
      className={`order-card board-card status-${view.status}`}
      data-wait={view.status === 'placed' ? wait.level : undefined}
      aria-label={title}
    >
      <div className="board-card-head">
        <h4>{title}</h4>
        <span className="board-kinds">
          <span className={`badge ${KIND_CLASS[kind]}`}>{t(kind)}</span>
          {preorder && <strong className="badge kind-preorder">{t('bdPreorder')}</strong>}
        </span>
        <strong className="board-due">{due}</strong>
      </div>
      <p className="board-who">
        <span>
          <Msg
            text={t('orderFrom')}
            user={{ name: view.customerName || '—', phone: view.customerPhone || '—' }}
          />
        </span>
        <span className="muted">
          {t('bdPlacedAt', {
            time:
              shopLocalDate(new Date(view.createdAt), timeZone) === today
                ? clock(view.createdAt, lang, timeZone)
                : formatMoment(view.createdAt, lang, timeZone),
          })}
        </span>
      </p>
      {view.fulfilment === 'delivery' && (
        <p>
          <Msg text={t('bdDelivery')} user={{ address: view.address }} />
        </p>
      )}
      <ul className="board-lines">
        {view.lines.map((l, i) => (
          <li key={i}>
            <UserText>{l.name}</UserText> × {l.quantity}
            {l.options.length > 0 && (
              <>
                {' ('}
                <UserTextList items={l.options.map((o) => o.name)} />)
              </>
            )}
          </li>
        ))}
      </ul>
      {view.note && (
        <p className="board-note">
          <Msg text={t('bdNote')} user={{ note: view.note }} />
        </p>
      )}
      <div className="board-state">
        <p>
          <span className="price">{formatWon(view.total, lang)}</span> ·{' '}
          {t(view.payment === 'at_pickup' ? 'payAtPickup' : 'payBankTransfer')} ·{' '}
          <strong className={view.paidAt ? 'board-paid' : 'board-unpaid'}>
            {view.paidAt ? t('paid') : t('unpaid')}
          </strong>
        </p>
        <p role="status" data-state={view.status} className="board-status">
          <Msg
            text={t(boardStatusKey(view))}
            vars={{
              time: view.readyBy ? clock(view.readyBy, lang, timeZone) : '',
              min: view.prepMinutes ?? '',
              when,
            }}
            user={{
              reason: view.rejectReason,
              rider: [view.riderName, view.riderPhone].filter(Boolean).join(' '),
            }}
          />
          {view.status === 'placed' && wait.level !== 'fresh' && (
            <span className="board-wait"> · {t('bdWaited', { min: wait.minutes })}</span>
          )}
        </p>
      </div>
      <TransferNote order={view} timeZone={timeZone} />
      {order.pending > 0 && <p className="muted">{t('bdPending')}</p>}
      {view.status === 'placed' && kindOfOrder.timing === 'scheduled' && (
        // A pre-order's promise is its slot: one tap confirms it for that slot, no prep minutes.
        <button
          type="button"
          className="board-confirm"
          onClick={() => act('confirmOrder', { orderId: id, from })}
        >
          {t('bdConfirm', { when })}
        </button>
      )}
      {view.status === 'placed' && kindOfOrder.timing === 'now' && (
        <AcceptControls
          timeZone={timeZone}
          onAccept={(prepMinutes) => act('acceptOrder', { orderId: id, from, prepMinutes })}
        />
      )}
      <div className="row board-actions">
        {(view.status === 'placed' || inHand) && (
          <button type="button" className="secondary" onClick={() => setRejecting(true)}>
            {t('reject')}
          </button>
        )}
        {inHand && !delivery && (
          <button type="button" onClick={() => act('markReady', { orderId: id, from })}>
            {t('markReady')}
          </button>
        )}
        {inHand && delivery && (
          <button type="button" onClick={() => setDispatching(true)}>
            {t('bdDispatch')}
          </button>
        )}
        {(view.status === 'ready' || view.status === 'outForDelivery') && (
          <button type="button" onClick={() => act('completeOrder', { orderId: id, from })}>
            {t(delivery ? 'bdDelivered' : 'complete')}
          </button>
        )}
        {!view.paidAt && !settled && (
          <button
            type="button"
            className="secondary"
            onClick={() => act('markPaid', { orderId: id, paid: true })}
          >
            {t(view.payment === 'bank_transfer' ? 'confirmTransfer' : 'markPaid')}
          </button>
        )}
        <PrintButton order={view} shopName={shopName} />
      </div>
      {dispatching && (
        <DispatchDialog
          title={t('bdDispatchTitle', { label: orderLabel(view, lang) })}
          onDispatch={(rider) => act('dispatchOrder', { orderId: id, from, ...rider })}
          onClose={() => setDispatching(false)}
        />
      )}
      {rejecting && (
        <RejectDialog
          label={orderLabel(view, lang)}
          onReject={(reason) => act('rejectOrder', { orderId: id, from, reason })}
          onClose={() => setRejecting(false)}
        />
      )}
    </li>
  );
}
