import { orderDisplay } from '../client/orderState';
import { customerStateKey, stateVars } from './orderWords';
import type { LocalOrder } from '../client/db';
import { useT } from '../i18n';
import { errorMessage, isErrorCode } from '../protocol/errors';
import { Msg } from '../ui/UserText';

/** The order's honest state in words, and why the last change was refused, if it was. */
/** `timeZone`: the shop's, so "ready by 12:30" is the shop's clock wherever the phone is set. */
export function OrderStatus({ order, timeZone }: { order: LocalOrder; timeZone?: string }) {
  const { lang, t } = useT();
  const d = orderDisplay(order);
  const reason = (code: string | null) =>
    code && isErrorCode(code) ? errorMessage(code, lang) : (code ?? '');
  const server = order.server ?? null;
  const label = t(customerStateKey(d.state, server), stateVars(server, lang, timeZone));
  return (
    <div className={`order-state state-${d.state}`}>
      <p role="status" data-state={d.state}>
        {d.state === 'rejected' ? (
          // The shop's reason is typed text: isolated, like every name and note.
          <Msg text={label} user={{ reason: order.server?.rejectReason }} />
        ) : d.state === 'refused' && d.code === 'handoff_claim_refused' ? (
          // Not "not accepted": the shop has this order, from the text message; it cannot show here.
          reason(d.code)
        ) : (
          label.replace('{reason}', reason(d.code))
        )}
      </p>
      {d.state === 'outForDelivery' && server?.riderName && (
        <p>
          <Msg
            text={t('stateRider')}
            user={{ rider: [server.riderName, server.riderPhone].filter(Boolean).join(' ') }}
          />
        </p>
      )}
      {d.changePending && d.state !== 'saved' && <p className="muted">{t('changePending')}</p>}
      {d.code && d.state !== 'refused' && (
        <p role="alert">{t('changeRefused', { reason: reason(d.code) })}</p>
      )}
    </div>
  );
}
