import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import { fillPath, routes, type RouteDef, type RouteName } from '../../src/protocol/routes';
import { mutationArgs } from '../../src/protocol/sync';
import { drivers, dropTestSchemas } from '../support/drivers';
import { oddText, textPaths, withTextAt, type Path } from '../support/oddText';
import { startTestApp, type TestApp } from '../support/testApp';
import { VALID_BODY } from '../support/validBodies';
import { makeWorld, snapshot, type World } from '../support/world';

afterAll(dropTestSchemas);

/** A field a person writes in: it takes any ordinary text, Hangul and spaces included. */
const isFreeText = (schema: z.ZodMiniType, body: unknown, path: Path) =>
  schema.safeParse(withTextAt(body, path, '가나 다 abc')).success;

describe.each(drivers)('S15: text at the boundary on $name', (driver) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp(driver);
    w = await makeWorld(t);
  });
  afterAll(() => t.close());

  function request(name: RouteName, body: unknown): InjectOptions {
    const def = routes[name] as RouteDef;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (def.access === 'device') headers['x-dangol-device'] = w.actors.deviceA.device!;
    else if (def.access !== 'public') headers.cookie = w.actors.owner1.cookie!;
    const params = {
      slug: w.shop1.slug,
      itemId: w.shop1.itemId,
      userId: w.shop1.staffId,
      categoryId: w.shop1.itemId,
    };
    return { method: def.method, url: fillPath(def.path, params), headers, payload: JSON.stringify(body) };
  }

  it('a NUL in any string of any route (every mutation of both pushes too) gets a 4xx and changes nothing; in free text the code is text_invalid', async () => {
    const before = await snapshot(t);
    let freeText = 0;
    for (const [name, def] of Object.entries(routes) as [RouteName, RouteDef][]) {
      if (!def.body) continue;
      const valid = VALID_BODY[name];
      for (const path of textPaths(valid)) {
        const original = (path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], valid) ??
          '') as string;
        const res = await t.app.inject(request(name, withTextAt(valid, path, `${original}\u0000끝`)));
        const where = `${name} ${path.join('.')}: ${res.statusCode} ${res.body.slice(0, 160)}`;
        expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, where).toBeLessThan(500);
        if (isFreeText(def.body, valid, path)) {
          freeText++;
          expect((res.json() as { code: string }).code, where).toBe('text_invalid');
        }
      }
    }
    // Shop name, settings, items, options, categories, zones, vouchers, and every text of every mutation.
    expect(freeText).toBeGreaterThanOrEqual(22);
    expect(await snapshot(t)).toBe(before);
  });

  it('other controls and lone surrogates are refused too; tab and line breaks only where a field takes lines', async () => {
    const cases: [RouteName, unknown, number][] = [
      ['updateSettings', { notice: '첫 줄\r\n둘째 줄\t끝' }, 200],
      ['updateSettings', { address: '서울\n중구' }, 400],
      ['updateSettings', { address: '서울\u001b[31m중구' }, 400],
      ['updateSettings', { notice: '고장\ud800' }, 400],
      ['updateSettings', { notice: '벨\u0007' }, 400],
      ['updateSettings', { name: '\u202e가게 이름' }, 200],
    ];
    for (const [name, body, status] of cases) {
      const res = await t.app.inject(request(name, body));
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(status);
    }
    const settings = await t.app.inject({ ...request('settings', undefined), payload: undefined });
    // "\r\n" is stored as "\n", one way on every device.
    expect((settings.json() as { notice: string }).notice).toBe('첫 줄\n둘째 줄\t끝');
  });

  it('any text the schemas accept is stored and read back unchanged, as text and inside JSON', async () => {
    const note = mutationArgs.placeOrder.shape.note;
    const name = mutationArgs.placeOrder.shape.customerName;
    const anyText = fc.oneof(
      oddText,
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: 'grapheme' }),
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(anyText, async (raw) => {
        for (const schema of [note, name]) {
          const parsed = schema.safeParse(raw);
          if (!parsed.success) continue;
          accepted++;
          const [row] = await t.storage.query<{ t: string; j: string }>(
            `select $1::text as t, ($2::jsonb)->>'k' as j`,
            [parsed.data, JSON.stringify({ k: parsed.data })],
          );
          expect(row).toEqual({ t: parsed.data, j: parsed.data });
        }
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
