import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inbox, markRead } from '../../src/app/shop/chats';
import { chatOrder } from '../../src/client/chatOrder';
import type { ClientDb, LocalMessage } from '../../src/client/db';
import { enqueue } from '../../src/client/outbox';
import { MAX_MESSAGE_LENGTH } from '../../src/protocol/sync';
import { drivers, dropTestSchemas } from '../support/drivers';
import { FaultyTransport, RELIABLE } from '../support/faultyTransport';
import { startTestApp, type TestApp } from '../support/testApp';
import {
  device,
  freshDb,
  injectTransport,
  makeSyncShop,
  newDevice,
  orderArgs,
  place,
  type Device,
  type SyncShop,
} from '../support/syncWorld';

afterAll(dropTestSchemas);

/** A customer's phone: its line to the server can be made to fail, and its device id is known to the test. */
interface Phone extends Device {
  line: FaultyTransport;
  deviceId: string;
}

/** S12 order on a device, as the screens show it. */
const thread = async (db: ClientDb): Promise<LocalMessage[]> => (await db.messages.toArray()).sort(chatOrder);

describe.each(drivers)('chat (S12, S13): real client code against the real server on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;

  const phone = async (): Promise<Phone> => {
    const token = await newDevice(t.app);
    const line = new FaultyTransport(() => injectTransport(t.app, { device: token, slug: shop.slug }));
    return { ...device(freshDb(), line), line, deviceId: token.split('.')[0]! };
  };
  const tablet = (): Device => device(freshDb(), injectTransport(t.app, { cookie: shop.ownerCookie }));
  const say = (d: Device, body: string, extra: { deviceId?: string; orderId?: string | null } = {}) =>
    enqueue(d.db, 'sendMessage', { messageId: randomUUID(), orderId: null, body, ...extra });
  const serverRows = (deviceId: string) =>
    t.storage.query<{ id: string; body: string; author: string; order_id: string | null; version: number }>(
      'select id, body, author, order_id, version::int as version from messages where device_id = $1 order by version',
      [deviceId],
    );
  const serverCount = async (messageId: string) =>
    (
      (await t.storage.query<{ n: number }>('select count(*)::int as n from messages where id = $1', [
        messageId,
      ])) as [{ n: number }]
    )[0].n;
  const local = async (d: Device, messageId: string) => (await d.db.messages.get(messageId))!;

  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
  });
  afterAll(() => t.close());

  it('S12: three messages written offline say "sending", then arrive once each, in order, and say "sent"', async () => {
    const customer = await phone();
    customer.line.fault = { ...RELIABLE, mode: 'offline' };
    const sent = [];
    for (const body of ['안녕하세요', '멸치볶음 내일 있나요?', '두 개 살게요'])
      sent.push((await say(customer, body)).messageId!);
    await expect(customer.engine.syncOnce()).rejects.toThrow('offline');
    await expect(customer.engine.syncOnce()).rejects.toThrow('offline');
    const waiting = await thread(customer.db);
    expect(waiting.map((m) => [m.id, m.state, m.version, m.author])).toEqual(
      sent.map((id) => [id, 'sending', null, 'customer']),
    );
    expect(await customer.db.outbox.count()).toBe(3);
    expect(await serverRows(customer.deviceId)).toEqual([]);

    // Back online, but the pull fails: the server acknowledged the push, so "sent" — and no more.
    customer.line.fault = { ...RELIABLE, mode: 'offline', on: 'pull', times: 1 };
    await expect(customer.engine.syncOnce()).rejects.toThrow('offline');
    expect((await thread(customer.db)).map((m) => [m.state, m.version])).toEqual([
      ['sent', null],
      ['sent', null],
      ['sent', null],
    ]);

    await customer.engine.syncOnce();
    const rows = await serverRows(customer.deviceId);
    expect(rows.map((r) => [r.id, r.body, r.author])).toEqual([
      [sent[0], '안녕하세요', 'customer'],
      [sent[1], '멸치볶음 내일 있나요?', 'customer'],
      [sent[2], '두 개 살게요', 'customer'],
    ]);
    expect(rows[0]!.version).toBeLessThan(rows[1]!.version);
    expect(rows[1]!.version).toBeLessThan(rows[2]!.version);
    // The pull replaced the local echo with the server's copy: the versions, the device id.
    const synced = await thread(customer.db);
    expect(synced.map((m) => [m.id, m.state, m.version, m.deviceId])).toEqual(
      rows.map((r) => [r.id, 'sent', r.version, customer.deviceId]),
    );
    expect(await customer.db.outbox.count()).toBe(0);

    const shopTablet = tablet();
    await shopTablet.engine.syncOnce();
    const onTablet = (await thread(shopTablet.db)).filter((m) => m.deviceId === customer.deviceId);
    expect(onTablet.map((m) => [m.id, m.body, m.author, m.version])).toEqual(
      rows.map((r) => [r.id, r.body, 'customer', r.version]),
    );
  });

  it.each([
    ['one after the other', false],
    ['at once', true],
  ])('S4/S12: a push the network delivers twice (%s) stores the message once', async (_, concurrent) => {
    const customer = await phone();
    customer.line.fault = { ...RELIABLE, mode: 'duplicate', on: 'push', times: 1, concurrent };
    const { messageId } = await say(customer, '중복 전송 시험');
    await customer.engine.syncOnce();
    expect(customer.line.delivered).toBeGreaterThanOrEqual(3); // two pushes, then the pull
    expect(customer.line.serverErrors).toEqual([]);
    expect(await serverCount(messageId!)).toBe(1);
    expect(await customer.db.messages.count()).toBe(1);
    expect(await local(customer, messageId!)).toMatchObject({ state: 'sent', body: '중복 전송 시험' });
  });

  it('S4/S12: a push whose answer is lost is sent again: one message, shown "sent" only after the answer', async () => {
    const customer = await phone();
    customer.line.fault = { ...RELIABLE, mode: 'drop-response', on: 'push', times: 1 };
    const { messageId } = await say(customer, '답이 사라진 전송');
    await expect(customer.engine.syncOnce()).rejects.toThrow('drop-response');
    expect(await serverCount(messageId!)).toBe(1);
    expect((await local(customer, messageId!)).state).toBe('sending'); // committed, but no one told the phone
    await customer.engine.syncOnce();
    expect(await serverCount(messageId!)).toBe(1);
    expect((await local(customer, messageId!)).state).toBe('sent');
  });

  it('S12: the same message id in a new mutation (another round, another tab) is a no-op, not a copy', async () => {
    const customer = await phone();
    const entry = await say(customer, '한 번만');
    await customer.engine.syncOnce();
    const res = await customer.line.push({
      clientId: randomUUID(),
      mutations: [{ mutationId: randomUUID(), seq: 1, name: 'sendMessage', args: entry.args as never }],
    });
    expect(res.results[0]).toMatchObject({ status: 'applied' });
    expect(await serverCount(entry.messageId!)).toBe(1);
  });

  it("S12/S13: the shop's reply reaches the customer's phone, and only that phone", async () => {
    const customer = await phone();
    const stranger = await phone();
    await say(customer, '오늘 몇 시까지 하세요?');
    await say(stranger, '저는 다른 손님이에요');
    await customer.engine.syncOnce();
    await stranger.engine.syncOnce();

    const shopTablet = tablet();
    await shopTablet.engine.syncOnce();
    const reply = await say(shopTablet, '저녁 8시까지 해요', { deviceId: customer.deviceId });
    // The tablet's echo belongs to the conversation it answers, from the shop, and is "sending".
    expect(await local(shopTablet, reply.messageId!)).toMatchObject({
      deviceId: customer.deviceId,
      author: 'shop',
      state: 'sending',
      version: null,
    });
    await shopTablet.engine.syncOnce();
    expect(await local(shopTablet, reply.messageId!)).toMatchObject({ state: 'sent' });
    expect((await local(shopTablet, reply.messageId!)).version).not.toBeNull();

    await customer.engine.syncOnce();
    const mine = await thread(customer.db);
    expect(mine.map((m) => [m.author, m.body])).toEqual([
      ['customer', '오늘 몇 시까지 하세요?'],
      ['shop', '저녁 8시까지 해요'],
    ]);

    // S13: the other phone sees its own message and nothing of this conversation, pulled from scratch too.
    await stranger.engine.syncOnce();
    expect((await thread(stranger.db)).map((m) => m.body)).toEqual(['저는 다른 손님이에요']);
    const clientId = (await stranger.db.getMeta<string>('clientId'))!;
    const fromScratch = await stranger.line.pull({ clientId, cursor: 0 });
    expect(fromScratch.messages.map((m) => m.deviceId)).toEqual([stranger.deviceId]);
    // The shop sees both conversations.
    await shopTablet.engine.syncOnce();
    const devices = new Set((await shopTablet.db.messages.toArray()).map((m) => m.deviceId));
    expect(devices).toContain(customer.deviceId);
    expect(devices).toContain(stranger.deviceId);
  });

  it("S13: a customer cannot write into another device's conversation (forbidden)", async () => {
    const victim = await phone();
    const intruder = await phone();
    await say(victim, '내 대화');
    await victim.engine.syncOnce();
    const { messageId } = await say(intruder, '남의 대화에 끼어들기', { deviceId: victim.deviceId });
    await intruder.engine.syncOnce();
    expect(await local(intruder, messageId!)).toMatchObject({ state: 'refused', code: 'forbidden' });
    expect(await serverCount(messageId!)).toBe(0);
    await victim.engine.syncOnce();
    expect((await thread(victim.db)).map((m) => m.body)).toEqual(['내 대화']);
  });

  it('S13: the shop cannot start a conversation with a device that never ordered or wrote', async () => {
    const silent = await phone();
    const shopTablet = tablet();
    const { messageId } = await say(shopTablet, '광고 문자', { deviceId: silent.deviceId });
    await shopTablet.engine.syncOnce();
    expect(await local(shopTablet, messageId!)).toMatchObject({
      state: 'refused',
      code: 'conversation_not_found',
    });
    expect(await serverCount(messageId!)).toBe(0);
    await silent.engine.syncOnce();
    expect(await silent.db.messages.count()).toBe(0);
  });

  it("S12: the shop tablet names a conversation from the customer's own orders (its device), counts it unread until opened", async () => {
    const customer = await phone();
    const order = orderArgs(shop.items.plain, { customerName: '정단골', customerPhone: '010-5555-1234' });
    await place(customer, order);
    // Written from the shop's chat page: about no order.
    await say(customer, '6시 넘어서 가도 될까요?');
    await customer.engine.syncOnce();
    const shopTablet = tablet();
    await shopTablet.engine.syncOnce();
    // The shop's copy of the order names the device; a customer's own copy never carries it.
    expect((await shopTablet.db.orders.get(order.orderId))?.view?.deviceId).toBe(customer.deviceId);
    expect((await customer.db.orders.get(order.orderId))?.view?.deviceId).toBeUndefined();

    const conversation = (await inbox(shopTablet.db)).find((c) => c.deviceId === customer.deviceId)!;
    expect(conversation).toMatchObject({
      name: '정단골',
      phone: '010-5555-1234',
      orderIds: [order.orderId],
      unread: 1,
    });
    expect(conversation.lastUnread?.body).toBe('6시 넘어서 가도 될까요?');
    await markRead(shopTablet.db, customer.deviceId, conversation.maxVersion);
    expect((await inbox(shopTablet.db)).find((c) => c.deviceId === customer.deviceId)?.unread).toBe(0);
  });

  it('S12: the shop may answer a device that has only ordered, about that order', async () => {
    const customer = await phone();
    const order = orderArgs(shop.items.plain);
    await place(customer, order);
    await customer.engine.syncOnce();
    const shopTablet = tablet();
    const { messageId } = await say(shopTablet, '주문 확인했어요', {
      deviceId: customer.deviceId,
      orderId: order.orderId,
    });
    await shopTablet.engine.syncOnce();
    expect(await local(shopTablet, messageId!)).toMatchObject({ state: 'sent', orderId: order.orderId });
    await customer.engine.syncOnce();
    expect(await local(customer, messageId!)).toMatchObject({ author: 'shop', orderId: order.orderId });
  });

  it("S13: a message about someone else's order is refused (order_not_found), from a customer or the shop", async () => {
    const owner = await phone();
    const other = await phone();
    const order = orderArgs(shop.items.plain);
    await place(owner, order);
    await owner.engine.syncOnce();

    const mine = await say(owner, '제 주문 언제 되나요?', { orderId: order.orderId });
    await owner.engine.syncOnce();
    expect(await local(owner, mine.messageId!)).toMatchObject({ state: 'sent', orderId: order.orderId });

    const theirs = await say(other, '이 주문 뭐예요?', { orderId: order.orderId });
    await other.engine.syncOnce();
    expect(await local(other, theirs.messageId!)).toMatchObject({
      state: 'refused',
      code: 'order_not_found',
    });
    expect(await serverCount(theirs.messageId!)).toBe(0);

    // The shop answering `other` may not attach the first customer's order to that conversation.
    await say(other, '문의 있어요');
    await other.engine.syncOnce();
    const shopTablet = tablet();
    const misfiled = await say(shopTablet, '이 주문 말씀이세요?', {
      deviceId: other.deviceId,
      orderId: order.orderId,
    });
    await shopTablet.engine.syncOnce();
    expect(await local(shopTablet, misfiled.messageId!)).toMatchObject({
      state: 'refused',
      code: 'order_not_found',
    });
    expect(await serverCount(misfiled.messageId!)).toBe(0);
  });

  it('S2/S12: a body over the limit (or blank) is refused by enqueue itself and never reaches the outbox', async () => {
    const customer = await phone();
    await expect(say(customer, 'a'.repeat(MAX_MESSAGE_LENGTH + 1))).rejects.toThrow();
    await expect(say(customer, '   \n  ')).rejects.toThrow();
    expect(await customer.db.outbox.count()).toBe(0);
    expect(await customer.db.messages.count()).toBe(0);
    expect(await customer.db.getMeta('nextSeq')).toBeUndefined();

    // At the limit it goes through, trimmed as the server stores it.
    const longest = 'a'.repeat(MAX_MESSAGE_LENGTH);
    const { messageId } = await say(customer, `  ${longest}\n`);
    expect((await local(customer, messageId!)).body).toBe(longest);
    await customer.engine.syncOnce();
    expect((await serverRows(customer.deviceId)).map((r) => r.body)).toEqual([longest]);
  });
});
