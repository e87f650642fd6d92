import type { ClientDb } from '../../../client/db';
import { orderDisplay } from '../../../client/orderState';
import { useT } from '../../../i18n';
import { errorMessage, isErrorCode } from '../../../protocol/errors';
import { useLive } from '../../useDeviceSync';
import { localOrderLabel } from '../../useOrderLabels';
import { orderLabel } from '../../../i18n/orderLabel';

/**
 * The confirmation after an order was entered: its number, and whether it is still only on this
 * tablet, on the server, or refused by it (a phone took the last place in the slot meanwhile), in
 * words — an order that cannot stand must not just vanish from the counter's view.
 */
export function SavedOrder({ db, orderId }: { db: ClientDb; orderId: string }) {
  const { lang, t } = useT();
  const order = useLive(db, (d) => d.orders.get(orderId), `saved:${orderId}`);
  const shown = order && orderDisplay(order);
  const code = shown?.code ?? '';
  return (
    <div className="intake-saved">
      <p role="status" className="alert alert-info">
        {t('intakeSaved', {
          label: order ? localOrderLabel(order, lang) : orderLabel({ id: orderId }, lang),
        })}
      </p>
      {shown?.state === 'refused' ? (
        <p role="alert" className="alert alert-error">
          {t('intakeStateRefused', { reason: isErrorCode(code) ? errorMessage(code, lang) : code })}
        </p>
      ) : (
        shown && (
          <p className="muted" aria-live="polite" data-state={shown.state}>
            {t(shown.state === 'saved' ? 'intakeStateSaved' : 'intakeStateSent')}
          </p>
        )
      )}
    </div>
  );
}
