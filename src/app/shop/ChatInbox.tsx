import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { ChatThread } from '../ChatThread';
import { useOrderLabels } from '../useOrderLabels';
import { ChatOrderCard } from './ChatOrderCard';
import { useLive } from '../useDeviceSync';
import type { ShopPanelProps } from './panel';
import { conversationName, inbox, markRead, openChat, useOpenChat, type Conversation } from './chats';
import { Msg, UserText } from '../../ui/UserText';

/** The shop's chats: one conversation per customer device, unread ones counted, answered in place. */
export function ChatInbox({ sync }: ShopPanelProps) {
  const { t } = useT();
  const conversations = useLive(sync?.db, inbox, 'chat-inbox');
  const openId = useOpenChat();
  const [shownOrderId, setShownOrderId] = useState<string | null>(null);
  const open = conversations?.find((c) => c.deviceId === openId);
  const openVersion = open?.maxVersion ?? 0;
  const db = sync?.db;
  const labelOf = useOrderLabels(db, open?.orderIds.slice(0, 5) ?? []);

  // What is on screen has been read, including messages that arrive while it is open.
  useEffect(() => {
    if (db && openId && openVersion > 0) void markRead(db, openId, openVersion);
  }, [db, openId, openVersion]);

  const nameOf = (c: Conversation) => conversationName(c, t);
  return (
    <section aria-labelledby="chats-title">
      <h2 id="chats-title">{t('tabChats')}</h2>
      {conversations && conversations.length === 0 && <p className="muted">{t('chatNoConversations')}</p>}
      <div className="chat-inbox">
        {conversations && conversations.length > 0 && (
          <ul className="plain-list chat-conversations" aria-label={t('chatConversations')}>
            {conversations.map((c) => (
              <li key={c.deviceId}>
                <button
                  type="button"
                  className="chat-conv"
                  aria-current={c.deviceId === openId ? 'true' : undefined}
                  onClick={() => (openChat(c.deviceId), setShownOrderId(null))}
                >
                  <UserText className="chat-conv-name">{nameOf(c)}</UserText>{' '}
                  {c.unread > 0 && <span className="badge">{t('chatUnread', { n: c.unread })}</span>}{' '}
                  <UserText className="chat-conv-preview">{c.last.body}</UserText>
                </button>
              </li>
            ))}
          </ul>
        )}
        {sync && open && (
          <div className="chat-inbox-thread">
            <h3>
              <Msg text={t('chatWith')} user={{ name: nameOf(open) }} />
            </h3>
            {open.name && open.phone && (
              <p className="muted">
                <UserText>{open.phone}</UserText>
              </p>
            )}
            {open.orderIds.length > 0 && (
              <ul className="plain-list row chat-their-orders" aria-label={t('chatTheirOrders')}>
                {open.orderIds.slice(0, 5).map((id) => (
                  <li key={id}>
                    <button
                      type="button"
                      className="secondary"
                      aria-pressed={shownOrderId === id}
                      onClick={() => setShownOrderId(shownOrderId === id ? null : id)}
                    >
                      {t('chatOrderRef', { label: labelOf(id) })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <ChatThread
              key={open.deviceId}
              db={sync.db}
              deviceId={open.deviceId}
              me="shop"
              onOrderOpen={setShownOrderId}
              onSent={sync.kick}
            />
            {shownOrderId && (
              <ChatOrderCard db={sync.db} orderId={shownOrderId} onClose={() => setShownOrderId(null)} />
            )}
          </div>
        )}
        {conversations && conversations.length > 0 && !open && <p className="muted">{t('chatPick')}</p>}
      </div>
    </section>
  );
}
