import { useEffect, useState } from 'react';
import type { ClientDb, LocalMessage } from '../../client/db';
import { useT } from '../../i18n';
import { chatOrder } from '../../client/chatOrder';
import { ChatThread } from '../ChatThread';
import { ChatOrderCard } from './ChatOrderCard';
import { useLive } from '../useDeviceSync';
import type { ShopPanelProps } from './panel';
import { Msg, UserText } from '../../ui/UserText';

/** Per conversation, the highest server version this tablet has shown (db.meta `chatRead:<deviceId>`). */
const READ_PREFIX = 'chatRead:';

interface Conversation {
  deviceId: string;
  /** The name on the latest order a message here is about, if this tablet has that order. */
  name: string | null;
  last: LocalMessage;
  unread: number;
  /** The newest server version in the conversation: what opening it marks as read. */
  maxVersion: number;
}

/** Conversations, newest first (by server version: S12; a reply still being sent counts as newest). */
async function inbox(db: ClientDb): Promise<Conversation[]> {
  const messages = await db.messages.toArray();
  const reads = await db.meta.where('key').startsWith(READ_PREFIX).toArray();
  const read = new Map(reads.map((r) => [r.key.slice(READ_PREFIX.length), Number(r.value) || 0]));
  const orderIds = [...new Set(messages.map((m) => m.orderId).filter((id): id is string => !!id))];
  const orders = await db.orders.bulkGet(orderIds);
  const nameOf = new Map<string, string>();
  orders.forEach((o, i) => {
    const name = (o?.view ?? o?.server)?.customerName.trim();
    if (name) nameOf.set(orderIds[i]!, name);
  });

  const groups = new Map<string, LocalMessage[]>();
  // The shop's own messages name the device they answer; only a customer's own unsent echo has none.
  for (const m of messages) if (m.deviceId) groups.set(m.deviceId, [...(groups.get(m.deviceId) ?? []), m]);
  const list: Conversation[] = [];
  for (const [deviceId, ms] of groups) {
    ms.sort(chatOrder);
    const seen = read.get(deviceId) ?? 0;
    let name: string | null = null;
    for (const m of ms) name = (m.orderId && nameOf.get(m.orderId)) || name;
    list.push({
      deviceId,
      name,
      last: ms[ms.length - 1]!,
      unread: ms.filter((m) => m.author === 'customer' && m.version !== null && m.version > seen).length,
      maxVersion: Math.max(0, ...ms.map((m) => m.version ?? 0)),
    });
  }
  return list.sort((a, b) => chatOrder(b.last, a.last));
}

async function markRead(db: ClientDb, deviceId: string, version: number): Promise<void> {
  const key = READ_PREFIX + deviceId;
  await db.transaction('rw', db.meta, async () => {
    if (((await db.getMeta<number>(key)) ?? 0) < version) await db.setMeta(key, version);
  });
}

/** The shop's chats: one conversation per customer device, unread ones counted, answered in place. */
export function ChatInbox({ sync }: ShopPanelProps) {
  const { t } = useT();
  const conversations = useLive(sync?.db, inbox, 'chat-inbox');
  const [openId, setOpenId] = useState<string | null>(null);
  const [shownOrderId, setShownOrderId] = useState<string | null>(null);
  const open = conversations?.find((c) => c.deviceId === openId);
  const openVersion = open?.maxVersion ?? 0;
  const db = sync?.db;

  // What is on screen has been read, including messages that arrive while it is open.
  useEffect(() => {
    if (db && openId && openVersion > 0) void markRead(db, openId, openVersion);
  }, [db, openId, openVersion]);

  const nameOf = (c: Conversation) => c.name ?? t('chatGuest', { id: c.deviceId.slice(0, 4) });
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
                  onClick={() => (setOpenId(c.deviceId), setShownOrderId(null))}
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
