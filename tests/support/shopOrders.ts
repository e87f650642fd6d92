import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { MenuItem } from '../../src/domain/catalogue';
import type { MutationArgs, MutationName } from '../../src/protocol/sync';
import { json, sessionCookie } from './testApp';
import { newDevice } from './syncWorld';

/**
 * Orders made through the real server's sync API, in-process: a customer's phone placing and
 * cancelling, a second shop device accepting and marking paid. For browser tests that need a day of
 * orders on the tablet without clicking each one through a phone.
 */

export interface DemoShop {
  timeZone: string;
  /** Items by name, with their option ids by option name. */
  item(name: string): MenuItem;
  option(itemName: string, optionName: string): string;
}

export async function demoShop(app: FastifyInstance, slug = 'uri-banchan'): Promise<DemoShop> {
  const res = await json(app, { method: 'GET', url: `/api/shops/${slug}` });
  expect(res.statusCode).toBe(200);
  const shop = res.json() as { schedule: { timeZone: string }; items: MenuItem[] };
  const item = (name: string) => {
    const found = shop.items.find((i) => i.name === name);
    if (!found) throw new Error(`no item ${name}`);
    return found;
  };
  return {
    timeZone: shop.schedule.timeZone,
    item,
    option(itemName, optionName) {
      const o = item(itemName)
        .optionGroups.flatMap((g) => g.options)
        .find((x) => x.name === optionName);
      if (!o) throw new Error(`no option ${optionName} of ${itemName}`);
      return o.id;
    },
  };
}

type Named<N extends MutationName> = { name: N; args: MutationArgs<N> };
export type AnyMutation = { [N in MutationName]: Named<N> }[MutationName];

/** One sync client: a device (customer) or a signed-in shop member, pushing with its own seq. */
export interface Pusher {
  push(...mutations: AnyMutation[]): Promise<void>;
}

function pusher(app: FastifyInstance, url: string, headers: Record<string, string>): Pusher {
  const clientId = randomUUID();
  let seq = 0;
  return {
    async push(...mutations) {
      const res = await json(app, {
        method: 'POST',
        url,
        headers,
        payload: {
          clientId,
          mutations: mutations.map((m) => ({
            mutationId: randomUUID(),
            seq: ++seq,
            name: m.name,
            args: m.args,
          })),
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      const results = (res.json() as { results: { status: string; code?: string }[] }).results;
      expect(results.map((r) => r.code ?? r.status)).toEqual(mutations.map(() => 'applied'));
    },
  };
}

export async function customerPusher(app: FastifyInstance, slug = 'uri-banchan'): Promise<Pusher> {
  return pusher(app, `/api/s/${slug}/push`, { 'x-dangol-device': await newDevice(app) });
}

export async function shopPusher(
  app: FastifyInstance,
  login = { slug: 'uri-banchan', username: 'owner', password: 'banchan1234' },
): Promise<Pusher> {
  const res = await json(app, { method: 'POST', url: '/api/auth/login', payload: login });
  expect(res.statusCode, res.body).toBe(200);
  return pusher(app, '/api/shop/push', { cookie: sessionCookie(res) });
}

export function placeOrder(
  args: Partial<MutationArgs<'placeOrder'>> & Pick<MutationArgs<'placeOrder'>, 'lines'>,
) {
  return {
    name: 'placeOrder' as const,
    args: {
      orderId: randomUUID(),
      fulfilment: 'pickup' as const,
      date: '',
      slot: null,
      customerName: '김단골',
      customerPhone: '010-1234-5678',
      address: '',
      note: '',
      payment: 'at_pickup' as const,
      ...args,
    },
  };
}

/** The page size of each page of a PDF, in points, from its MediaBox entries. */
export function pdfPageSizes(pdf: Buffer): { width: number; height: number }[] {
  return [
    ...pdf
      .toString('latin1')
      .matchAll(/\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/g),
  ].map((m) => ({ width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) }));
}

export const MM_TO_PT = 72 / 25.4;
