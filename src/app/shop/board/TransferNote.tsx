import type { Order } from '../../../domain/order';
import {
  depositorName,
  depositorReference,
  TRANSFER_DEADLINE_REASON,
  transferMayLapse,
} from '../../../domain/transferDeadline';
import { useT } from '../../../i18n';
import { Msg } from '../../../ui/UserText';
import { formatDeadline } from '../../transferTime';

/**
 * A transfer order on the shop's card (#16): while unpaid and open, the depositor name to look for in
 * the bank app and the deadline; once the server has cancelled it for the deadline, that it did.
 */
export function TransferNote({ order, timeZone }: { order: Order; timeZone: string }) {
  const { lang, t } = useT();
  if (order.payment !== 'bank_transfer' || !order.payBy) return null;
  const time = formatDeadline(order.payBy, timeZone, lang);
  if (order.status === 'cancelled' && order.cancelReason === TRANSFER_DEADLINE_REASON)
    return (
      <p className="board-transfer board-unpaid" data-testid="transfer-lapsed">
        {t('transferCancelledShop', { time })}
      </p>
    );
  if (order.paidAt || !transferMayLapse(order.status)) return null;
  return (
    <p className="board-transfer">
      <Msg
        text={t('transferWaitingShop')}
        vars={{ time }}
        user={{ name: depositorName(order.customerName, depositorReference(order.id)) }}
      />
    </p>
  );
}
