import { useId } from 'react';
import type { ClientDb } from '../../client/db';
import { useT } from '../../i18n';
import { ChatThread } from '../ChatThread';
import { useOrderLabels } from '../useOrderLabels';
import { Msg } from '../../ui/UserText';

export interface ChatPageProps {
  db: ClientDb;
  shopName: string;
  /** Asking about one of this phone's orders: new messages carry it, so the shop sees which. */
  orderId?: string | null;
  /** Where an order a message is about can be opened (e.g. `/s/<slug>/o/<orderId>`). */
  orderHref?: (orderId: string) => string;
  /** A message went into the outbox: kick sync. */
  onSent: () => void;
}

/** The customer's one conversation with the shop, kept on this phone and sent when it can be. */
export function ChatPage({ db, shopName, orderId = null, orderHref, onSent }: ChatPageProps) {
  const { t } = useT();
  const titleId = useId();
  const labelOf = useOrderLabels(db, orderId ? [orderId] : []);
  return (
    <section className="chat-page" aria-labelledby={titleId}>
      <h2 id={titleId}>
        <Msg text={t('chatTitle')} user={{ shop: shopName }} />
      </h2>
      <p className="muted">{t('chatNote')}</p>
      {orderId && <p className="notice">{t('chatAboutOrder', { label: labelOf(orderId) })}</p>}
      <ChatThread
        db={db}
        deviceId={null}
        me="customer"
        orderId={orderId}
        orderHref={orderHref}
        onSent={onSent}
      />
    </section>
  );
}
