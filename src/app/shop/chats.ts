import { chatOrder } from '../../client/chatOrder';
import type { ClientDb, LocalMessage } from '../../client/db';
import type { Order } from '../../domain/order';
import { createStore, useStore, type ReadableStore } from '../../ui/store';

/** Per conversation, the highest server version this tablet has shown (db.meta `chatRead:<deviceId>`). */
const READ_PREFIX = 'chatRead:';

export interface Conversation {
  deviceId: string;
  /** The customer's name from the latest of their orders this tablet has, if any. */
  name: string | null;
  /** The phone number on that order, if any. */
  phone: string | null;
  /** This customer's orders on this tablet (placed from their device or named in a message), newest first. */
  orderIds: string[];
  last: LocalMessage;
  /** Customer messages the server has that nobody opened on this tablet. */
  unread: number;
  /** The newest unread customer message, if any: what the banner quotes. */
  lastUnread: LocalMessage | null;
  /** The newest server version in the conversation: what opening it marks as read. */
  maxVersion: number;
}

/** Conversations, newest first (by server version: S12; a reply still being sent counts as newest). */
export async function inbox(db: ClientDb): Promise<Conversation[]> {
  const messages = await db.messages.toArray();
  const reads = await db.meta.where('key').startsWith(READ_PREFIX).toArray();
  const read = new Map(reads.map((r) => [r.key.slice(READ_PREFIX.length), Number(r.value) || 0]));
  const deviceIds = [...new Set(messages.map((m) => m.deviceId).filter((id): id is string => !!id))];
  // The customer's orders: placed from the conversation's device (the shop's copy names it), and
  // any order a message is about (an order the shop typed in for them has no device).
  const fromDevices = deviceIds.length
    ? await db.orders.where('view.deviceId').anyOf(deviceIds).toArray()
    : [];
  const aboutIds = [...new Set(messages.map((m) => m.orderId).filter((id): id is string => !!id))];
  const about = await db.orders.bulkGet(aboutIds);
  const byId = new Map<string, Order>();
  for (const o of [...fromDevices, ...about]) {
    const order = o?.view ?? o?.server;
    if (order) byId.set(order.id, order);
  }
  const ordersOf = (deviceId: string, ms: LocalMessage[]): Order[] => {
    const mentioned = new Set(ms.map((m) => m.orderId));
    return [...byId.values()]
      .filter((o) => o.deviceId === deviceId || mentioned.has(o.id))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  };

  const groups = new Map<string, LocalMessage[]>();
  // The shop's own messages name the device they answer; only a customer's own unsent echo has none.
  for (const m of messages) if (m.deviceId) groups.set(m.deviceId, [...(groups.get(m.deviceId) ?? []), m]);
  const list: Conversation[] = [];
  for (const [deviceId, ms] of groups) {
    ms.sort(chatOrder);
    const seen = read.get(deviceId) ?? 0;
    const orders = ordersOf(deviceId, ms);
    // The newest order that carries a name names the conversation.
    const found = orders.find((o) => o.customerName.trim()) ?? null;
    const unread = ms.filter((m) => m.author === 'customer' && m.version !== null && m.version > seen);
    list.push({
      deviceId,
      name: found?.customerName.trim() ?? null,
      phone: (found ?? orders.find((o) => o.customerPhone.trim()))?.customerPhone.trim() || null,
      orderIds: orders.map((o) => o.id),
      last: ms[ms.length - 1]!,
      unread: unread.length,
      lastUnread: unread[unread.length - 1] ?? null,
      maxVersion: Math.max(0, ...ms.map((m) => m.version ?? 0)),
    });
  }
  return list.sort((a, b) => chatOrder(b.last, a.last));
}

export async function markRead(db: ClientDb, deviceId: string, version: number): Promise<void> {
  const key = READ_PREFIX + deviceId;
  await db.transaction('rw', db.meta, async () => {
    if (((await db.getMeta<number>(key)) ?? 0) < version) await db.setMeta(key, version);
  });
}

/**
 * Which conversation the inbox shows: the inbox's own choice, or the chat banner's "보기" from any
 * screen. Kept outside the inbox so the banner can open a thread before the inbox is mounted.
 */
const openStore = createStore<{ deviceId: string | null }>(() => ({ deviceId: null }));
export const openChatStore: ReadableStore<{ deviceId: string | null }> = openStore;

export function openChat(deviceId: string | null): void {
  openStore.setState({ deviceId });
}

export function useOpenChat(): string | null {
  return useStore(openStore, (s) => s.deviceId);
}

/** How a conversation is named: the customer's name, else their phone, else "손님 4deb". */
export function conversationName(
  c: Pick<Conversation, 'name' | 'phone' | 'deviceId'>,
  t: (key: 'chatGuest', vars: { id: string }) => string,
): string {
  return c.name ?? c.phone ?? t('chatGuest', { id: c.deviceId.slice(0, 4) });
}
