import { afterAll, describe, expect, it } from 'vitest';
import { changes, problems, toDraft, type Settings } from '../../src/app/shop/settings/draft';
import type { Schedule } from '../../src/domain/schedule';
import { drivers, dropTestSchemas } from '../support/drivers';
import { json, startTestApp } from '../support/testApp';
import { device, freshDb, injectTransport, makeSyncShop } from '../support/syncWorld';

afterAll(dropTestSchemas);

/** Issue #17: the two settings for an order left waiting, saved by the owner and read where they act. */
describe.each(drivers)('order alert settings on $name', (driver) => {
  it('defaults (ring louder after 5 min, never auto-reject); saved; the louder ring reaches the tablet; bounds', async () => {
    const t = await startTestApp(driver);
    const shop = await makeSyncShop(t);
    const patch = (payload: object) =>
      json(t.app, { method: 'PATCH', url: '/api/shop/settings', cookie: shop.ownerCookie, payload });
    const settings = async () =>
      (
        await json(t.app, { method: 'GET', url: '/api/shop/settings', cookie: shop.ownerCookie })
      ).json() as Settings;
    expect(await settings()).toMatchObject({ reAlertMinutes: 5, autoRejectMinutes: 0 });

    const saved = await patch({ reAlertMinutes: 2, autoRejectMinutes: 15 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await settings()).toMatchObject({ reAlertMinutes: 2, autoRejectMinutes: 15 });
    const counter = device(freshDb(), injectTransport(t.app, { cookie: shop.ownerCookie }));
    await counter.engine.pullAll();
    expect((await counter.db.getMeta<Schedule>('schedule'))?.reAlertMinutes).toBe(2);

    for (const bad of [{ autoRejectMinutes: 3 }, { autoRejectMinutes: 121 }, { reAlertMinutes: 61 }])
      expect((await patch(bad)).statusCode, JSON.stringify(bad)).toBe(400);
    expect((await patch({ autoRejectMinutes: 0, reAlertMinutes: 0 })).statusCode).toBe(200);
    expect(await settings()).toMatchObject({ reAlertMinutes: 0, autoRejectMinutes: 0 });
    await t.close();
  });
});

describe('the settings editor (issue #17)', () => {
  const saved = {
    name: '반찬가게',
    slug: 'banchan',
    phone: '',
    address: '',
    notice: '',
    timeZone: 'Asia/Seoul',
    hours: [[], [], [], [], [], [], []],
    pickup: true,
    delivery: false,
    payAtPickup: true,
    bankTransfer: false,
    bankAccount: '',
    slotMinutes: 30,
    slotCapacity: 10,
    leadMinutes: 0,
    preorderDays: 7,
    closedDates: [],
    reAlertMinutes: 5,
    autoRejectMinutes: 0,
  } as Settings;
  it('sends only what changed, and says at once that auto-reject is 0 (off) or 5 to 120', () => {
    const draft = { ...toDraft(saved), autoRejectMinutes: '30' };
    expect(changes(saved, draft)).toEqual({ autoRejectMinutes: 30 });
    const today = '2026-12-07';
    expect(problems(saved, { ...draft, autoRejectMinutes: '3' }, today).get('autoRejectMinutes')).toEqual({
      kind: 'range',
      min: 5,
      max: 120,
    });
    expect(problems(saved, { ...draft, autoRejectMinutes: '0' }, today).has('autoRejectMinutes')).toBe(false);
    // A server from before #17 sends neither: the defaults it applies.
    const old = toDraft({ ...saved, reAlertMinutes: undefined, autoRejectMinutes: undefined });
    expect([old.reAlertMinutes, old.autoRejectMinutes]).toEqual(['5', '0']);
  });
});
