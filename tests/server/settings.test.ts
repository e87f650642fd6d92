import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopLocalDate } from '../../src/domain/hours';
import { addDays } from '../../src/domain/schedule';
import type { LocalPokeHub } from '../../src/server/sync/localPokeHub';
import type { PokeEvent } from '../../src/server/sync/pokeHub';
import { drivers, dropTestSchemas } from '../support/drivers';
import { json, startTestAppWithHub, type TestApp } from '../support/testApp';
import { makeWorld, PASSWORD, type World } from '../support/world';

afterAll(dropTestSchemas);

const seoulToday = () => shopLocalDate(new Date(), 'Asia/Seoul');

describe.each(drivers)('shop settings on $name', (driver) => {
  let t: TestApp & { hub: LocalPokeHub };
  let w: World;
  beforeAll(async () => {
    t = await startTestAppWithHub(driver);
    w = await makeWorld(t);
  });
  afterAll(() => t.close());

  const owner = () => w.actors.owner1.cookie!;
  const patch = (payload: object, cookie = owner()) =>
    json(t.app, { method: 'PATCH', url: '/api/shop/settings', cookie, payload });
  const read = async (cookie = owner()) => {
    const res = await json(t.app, { method: 'GET', url: '/api/shop/settings', cookie });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Record<string, unknown>;
  };
  const shopVersion = async () =>
    (await t.storage.query<{ version: number }>('select version from shops where id = $1', [w.shop1.id]))[0]!
      .version;

  it('each field round-trips on its own, and changes nothing else', async () => {
    const today = seoulToday();
    const cases: [string, unknown][] = [
      ['name', '새 이름 반찬'],
      ['phone', '010-9876-5432'],
      ['address', '부산광역시 해운대구 1'],
      ['notice', '이번 주 토요일은 오후 3시에 닫습니다.'],
      ['timeZone', 'Asia/Tokyo'],
      [
        'hours',
        [
          [],
          [
            { open: '09:00', close: '13:00' },
            { open: '14:00', close: '19:30' },
          ],
          [{ open: '18:00', close: '02:00' }],
          [{ open: '10:00', close: '20:00' }],
          [],
          [{ open: '10:00', close: '20:00' }],
          [{ open: '08:00', close: '12:00' }],
        ],
      ],
      ['delivery', true],
      ['pickup', false],
      ['bankAccount', '국민은행 123-45-6789 김사장'],
      ['bankTransfer', true],
      ['payAtPickup', false],
      ['slotMinutes', 15],
      ['slotCapacity', 3],
      ['leadMinutes', 45],
      ['preorderDays', 30],
      ['closedDates', [addDays(today, 10), addDays(today, 2)]],
      ['pickup', true],
      ['payAtPickup', true],
      ['timeZone', 'Asia/Seoul'],
    ];
    for (const [field, value] of cases) {
      const before = await read();
      const res = await patch({ [field]: value });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(200);
      const expected = field === 'closedDates' ? [...(value as string[])].sort() : value;
      expect({ ...before, [field]: expected }).toEqual(res.json());
      expect(await read()).toEqual(res.json());
    }
    // The customer's view of the same shop carries the same values.
    const pub = (await json(t.app, { method: 'GET', url: `/api/shops/${w.shop1.slug}` })).json() as {
      shop: Record<string, unknown>;
      schedule: Record<string, unknown>;
    };
    expect(pub.shop).toMatchObject({ notice: '이번 주 토요일은 오후 3시에 닫습니다.', delivery: true });
    expect(pub.schedule).toMatchObject({
      slotMinutes: 15,
      slotCapacity: 3,
      leadMinutes: 45,
      preorderDays: 30,
      closedDates: [addDays(today, 2), addDays(today, 10)],
    });
  });

  it('stores holidays sorted, once each, and drops the ones already past', async () => {
    const today = seoulToday();
    const res = await patch({
      closedDates: [addDays(today, 5), addDays(today, -3), today, addDays(today, 5), addDays(today, 1)],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { closedDates: string[] }).closedDates).toEqual([
      today,
      addDays(today, 1),
      addDays(today, 5),
    ]);
    expect((await patch({ closedDates: [] })).json()).toMatchObject({ closedDates: [] });
  });

  it('refuses invalid values with a 4xx code naming the field, never a 500, and changes nothing', async () => {
    const today = seoulToday();
    const day = (periods: { open: string; close: string }[], at = 1) =>
      Array.from({ length: 7 }, (_, i) => (i === at ? periods : []));
    const cases: [object, number, string, string][] = [
      [{ slotMinutes: 7 }, 400, 'invalid_input', 'slotMinutes'],
      [{ slotMinutes: 45 }, 400, 'invalid_input', 'slotMinutes'],
      [{ slotCapacity: 0 }, 400, 'invalid_input', 'slotCapacity'],
      [{ slotCapacity: 1000 }, 400, 'invalid_input', 'slotCapacity'],
      [{ slotCapacity: 2.5 }, 400, 'invalid_input', 'slotCapacity'],
      [{ leadMinutes: -1 }, 400, 'invalid_input', 'leadMinutes'],
      [{ leadMinutes: 1441 }, 400, 'invalid_input', 'leadMinutes'],
      [{ preorderDays: 61 }, 400, 'invalid_input', 'preorderDays'],
      [{ preorderDays: '7' }, 400, 'invalid_input', 'preorderDays'],
      [{ closedDates: ['2027-02-30'] }, 400, 'invalid_input', 'closedDates.0'],
      [{ closedDates: ['내일'] }, 400, 'invalid_input', 'closedDates.0'],
      [{ closedDates: [addDays(today, 400)] }, 400, 'closed_date_out_of_range', 'closedDates'],
      [
        { closedDates: Array.from({ length: 101 }, (_, i) => addDays(today, i)) },
        400,
        'invalid_input',
        'closedDates',
      ],
      [
        {
          hours: day([
            { open: '10:00', close: '14:00' },
            { open: '13:00', close: '18:00' },
          ]),
        },
        400,
        'hours_overlap',
        'hours.1',
      ],
      [
        // Monday's late night runs to 02:00; Tuesday cannot open at 01:00.
        {
          hours: Array.from({ length: 7 }, (_, i) =>
            i === 1
              ? [{ open: '18:00', close: '02:00' }]
              : i === 2
                ? [{ open: '01:00', close: '05:00' }]
                : [],
          ),
        },
        400,
        'hours_overlap',
        'hours.2',
      ],
      [{ hours: day([{ open: '10:00', close: '10:00' }]) }, 400, 'invalid_input', 'hours.1.0'],
      [{ hours: day([{ open: '25:00', close: '10:00' }]) }, 400, 'invalid_input', 'hours.1.0'],
      [
        { hours: day(Array.from({ length: 5 }, (_, i) => ({ open: `0${i}:00`, close: `0${i}:30` }))) },
        400,
        'invalid_input',
        'hours.1',
      ],
      [{ hours: [[], [], []] }, 400, 'invalid_input', 'hours'],
      [{ timeZone: 'Mars/Olympus' }, 400, 'invalid_input', 'timeZone'],
      [{ slug: 'Shop One' }, 400, 'slug_invalid', 'slug'],
      [{ slug: 'shop' }, 400, 'slug_invalid', 'slug'],
      [{ name: '  ' }, 400, 'invalid_input', 'name'],
      [{ phone: '전화' }, 400, 'invalid_input', 'phone'],
      [{ notice: 'x'.repeat(501) }, 400, 'invalid_input', 'notice'],
      [{ bankTransfer: true, bankAccount: '  ' }, 400, 'bank_account_required', 'bankAccount'],
      [{ pickup: false, delivery: false }, 400, 'fulfilment_required', 'pickup'],
      [{ payAtPickup: false, bankTransfer: false }, 400, 'payment_required', 'payAtPickup'],
      [{ openToday: true }, 400, 'invalid_input', 'openToday'],
      [{}, 400, 'invalid_input', ''],
    ];
    const before = await read();
    const version = await shopVersion();
    for (const [payload, status, code, field] of cases) {
      const res = await patch(payload);
      const body = res.json() as { code: string; fields?: string[]; message: string };
      expect([res.statusCode, body.code], JSON.stringify(payload)).toEqual([status, code]);
      if (field) expect(body.fields, JSON.stringify(payload)).toContain(field);
      expect(body.message.length).toBeGreaterThan(0);
    }
    expect(await read()).toEqual(before);
    expect(await shopVersion()).toBe(version);
  });

  it('a bank transfer needs an account, but an account may be kept while transfers are off', async () => {
    expect((await patch({ bankTransfer: false, bankAccount: '' })).statusCode).toBe(200);
    const refused = await patch({ bankTransfer: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'bank_account_required', fields: ['bankAccount'] });
    const ok = await patch({ bankTransfer: true, bankAccount: '신한은행 110-123-456789' });
    expect(ok.statusCode, ok.body).toBe(200);
    // Clearing the account while transfers stay on would leave customers with nowhere to pay.
    expect((await patch({ bankAccount: '' })).json()).toMatchObject({ code: 'bank_account_required' });
    expect((await patch({ bankTransfer: false })).statusCode).toBe(200);
    expect((await patch({ bankAccount: '' })).statusCode).toBe(200);
  });

  it('staff read the settings but get 403 on every change', async () => {
    const staff = w.actors.staff1.cookie!;
    const before = await read();
    expect(await read(staff)).toEqual(before);
    for (const payload of [{ notice: '직원이 바꾼 공지' }, { slotCapacity: 1 }, { slug: 'staff-shop' }]) {
      const res = await patch(payload, staff);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'owner_only' });
    }
    expect(await read()).toEqual(before);
  });

  it('a change bumps the version, pokes every device, and reaches shop and customer pulls', async () => {
    const events: PokeEvent[] = [];
    const off = t.hub.subscribe(w.shop1.id, (e) => events.push(e));
    const shopPull = (cursor: number) =>
      json(t.app, {
        method: 'POST',
        url: '/api/shop/pull',
        cookie: owner(),
        payload: { clientId: shopClient, cursor },
      });
    const customerPull = (cursor: number) =>
      json(t.app, {
        method: 'POST',
        url: `/api/s/${w.shop1.slug}/pull`,
        device: w.actors.deviceA.device,
        payload: { clientId: customerClient, cursor },
      });
    const shopClient = randomUUID();
    const customerClient = randomUUID();
    const first = (await shopPull(0)).json() as { cursor: number };
    const firstCustomer = (await customerPull(0)).json() as { cursor: number };

    const holiday = addDays(seoulToday(), 3);
    const closedMonday = Array.from({ length: 7 }, (_, i) =>
      i === 1 ? [] : [{ open: '09:00', close: '18:00' }],
    );
    const res = await patch({ closedDates: [holiday], hours: closedMonday, slotCapacity: 2 });
    expect(res.statusCode, res.body).toBe(200);
    off();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ shopId: w.shop1.id, public: true });
    expect(events[0]!.version).toBeGreaterThan(first.cursor);

    for (const [pull, from] of [
      [shopPull, first.cursor],
      [customerPull, firstCustomer.cursor],
    ] as const) {
      const body = (await pull(from)).json() as {
        cursor: number;
        schedule: { closedDates: string[]; hours: unknown; slotCapacity: number };
      };
      expect(body.cursor).toBeGreaterThan(from);
      expect(body.schedule).toMatchObject({ closedDates: [holiday], hours: closedMonday, slotCapacity: 2 });
    }
  });

  it('the server refuses an order for a closed weekday or a holiday set in settings', async () => {
    const today = seoulToday();
    const holiday = addDays(today, 2);
    const dayAfter = addDays(today, 3);
    const allDay = [
      { open: '00:00', close: '12:00' },
      { open: '12:00', close: '00:00' },
    ];
    const weekday = new Date(`${dayAfter}T12:00:00Z`).getUTCDay();
    const hours = Array.from({ length: 7 }, (_, i) => (i === weekday ? [] : allDay));
    expect((await patch({ closedDates: [holiday], hours, leadMinutes: 0 })).statusCode).toBe(200);
    const place = async (date: string) => {
      const res = await json(t.app, {
        method: 'POST',
        url: `/api/s/${w.shop1.slug}/push`,
        device: w.actors.deviceB.device,
        payload: {
          clientId: randomUUID(),
          mutations: [
            {
              mutationId: randomUUID(),
              seq: 1,
              name: 'placeOrder',
              args: {
                orderId: randomUUID(),
                lines: [{ itemId: w.shop1.itemId, quantity: 1, optionIds: [] }],
                fulfilment: 'pickup',
                date,
                slot: '12:00',
                customerName: '김단골',
                customerPhone: '010-1234-5678',
                address: '',
                note: '',
              },
            },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { results: { status: string; code?: string }[] }).results[0];
    };
    expect(await place(holiday)).toMatchObject({ status: 'rejected', code: 'shop_closed' });
    expect(await place(dayAfter)).toMatchObject({ status: 'rejected', code: 'shop_closed' });
    expect(await place(addDays(today, 1))).toMatchObject({ status: 'applied' });
  });

  describe('changing the link (slug)', () => {
    it('moves the shop to the new link, keeps the old one leading to it, and reserves it for good', async () => {
      const res = await patch({ slug: 'shop-uno' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ slug: 'shop-uno' });
      for (const slug of ['shop-uno', 'shop-one']) {
        const pub = await json(t.app, { method: 'GET', url: `/api/shops/${slug}` });
        expect(pub.statusCode, slug).toBe(200);
        expect((pub.json() as { shop: { slug: string } }).shop.slug).toBe('shop-uno');
      }
      const me = await json(t.app, { method: 'GET', url: '/api/auth/me', cookie: owner() });
      expect((me.json() as { shop: { slug: string } }).shop.slug).toBe('shop-uno');

      // Nobody else can take either the new link or the old one, by signing up or by renaming.
      for (const slug of ['shop-uno', 'shop-one']) {
        const taken = await json(t.app, {
          method: 'PATCH',
          url: '/api/shop/settings',
          cookie: w.actors.owner2.cookie,
          payload: { slug },
        });
        expect([taken.statusCode, (taken.json() as { code: string }).code], slug).toEqual([
          409,
          'slug_taken',
        ]);
        const signup = await json(t.app, {
          method: 'POST',
          url: '/api/shops',
          payload: { shopName: '남의 가게', slug, username: 'owner', password: PASSWORD },
        });
        expect([signup.statusCode, (signup.json() as { code: string }).code], slug).toEqual([
          409,
          'slug_taken',
        ]);
      }
      expect(
        (
          await json(t.app, { method: 'GET', url: '/api/shop/settings', cookie: w.actors.owner2.cookie })
        ).json(),
      ).toMatchObject({ slug: 'shop-two' });
    });

    it('another shop’s current slug is 409; saving the same slug again is a no-op; the old one can be taken back', async () => {
      const taken = await patch({ slug: 'shop-two' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json()).toMatchObject({ code: 'slug_taken', fields: ['slug'] });
      expect((await patch({ slug: 'shop-uno', notice: '같은 주소' })).statusCode).toBe(200);
      const back = await patch({ slug: 'shop-one' });
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({ slug: 'shop-one' });
      const pub = await json(t.app, { method: 'GET', url: '/api/shops/shop-uno' });
      expect((pub.json() as { shop: { slug: string } }).shop.slug).toBe('shop-one');
      const [{ n }] = (await t.storage.query<{ n: number }>(
        'select count(*)::int as n from shop_slugs where shop_id = $1',
        [w.shop1.id],
      )) as [{ n: number }];
      expect(n).toBe(2);
    });
  });
});
