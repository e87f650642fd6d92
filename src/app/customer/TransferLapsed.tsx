import type { Order } from '../../domain/order';
import { TRANSFER_DEADLINE_REASON } from '../../domain/transferDeadline';
import { useT } from '../../i18n';
import { formatDeadline } from '../transferTime';

/** Why the order was cancelled, when the server cancelled it because the transfer did not arrive (#16). */
export function TransferLapsed({
  order,
  timeZone,
}: {
  order: Pick<Order, 'status' | 'cancelReason' | 'payBy'>;
  timeZone: string;
}) {
  const { lang, t } = useT();
  if (order.status !== 'cancelled' || order.cancelReason !== TRANSFER_DEADLINE_REASON) return null;
  const time = order.payBy ? formatDeadline(order.payBy, timeZone, lang) : '';
  return (
    <p role="alert" className="transfer-lapsed">
      {t('transferCancelled', { time })}
    </p>
  );
}
