import { orderDisplay, type HonestState } from '../client/orderState';
import type { LocalOrder } from '../client/db';
import { useT, type MessageKey } from '../i18n';
import { errorMessage, isErrorCode } from '../protocol/errors';
import { Msg } from '../ui/UserText';

const LABEL: Record<HonestState, MessageKey> = {
  saved: 'stateSaved',
  sent: 'stateSent',
  received: 'stateReceived',
  accepted: 'stateAccepted',
  ready: 'stateReady',
  completed: 'stateCompleted',
  rejected: 'stateRejected',
  cancelled: 'stateCancelled',
  refused: 'stateRefused',
};

/** The order's honest state in words, and why the last change was refused, if it was. */
/** `timeZone`: the shop's, so "ready by 12:30" is the shop's clock wherever the phone is set. */
export function OrderStatus({ order, timeZone }: { order: LocalOrder; timeZone?: string }) {
  const { lang, t } = useT();
  const d = orderDisplay(order);
  const reason = (code: string | null) =>
    code && isErrorCode(code) ? errorMessage(code, lang) : (code ?? '');
  const readyBy = order.server?.readyBy
    ? new Date(order.server.readyBy).toLocaleTimeString(lang === 'ko' ? 'ko-KR' : 'en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
      })
    : '';
  return (
    <div className={`order-state state-${d.state}`}>
      <p role="status" data-state={d.state}>
        {d.state === 'rejected' ? (
          // The shop's reason is typed text: isolated, like every name and note.
          <Msg
            text={t(LABEL[d.state])}
            vars={{ time: readyBy }}
            user={{ reason: order.server?.rejectReason }}
          />
        ) : d.state === 'refused' && d.code === 'handoff_claim_refused' ? (
          // Not "not accepted": the shop has this order, from the text message; it cannot show here.
          reason(d.code)
        ) : (
          t(LABEL[d.state], { time: readyBy, reason: reason(d.code) })
        )}
      </p>
      {d.changePending && d.state !== 'saved' && <p className="muted">{t('changePending')}</p>}
      {d.code && d.state !== 'refused' && (
        <p role="alert">{t('changeRefused', { reason: reason(d.code) })}</p>
      )}
    </div>
  );
}
