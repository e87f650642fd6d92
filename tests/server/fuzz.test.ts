import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import { isErrorCode } from '../../src/protocol/errors';
import { protocolVerdict } from '../../src/protocol/version';
import { fillPath, routes, type RouteDef, type RouteName } from '../../src/protocol/routes';
import { drivers, dropTestSchemas } from '../support/drivers';
import { startTestApp, type TestApp } from '../support/testApp';
import { makeWorld, snapshot, type World } from '../support/world';
import { VALID_BODY } from '../support/validBodies';
import { oddText, textPaths, withTextAt } from '../support/oddText';

afterAll(dropTestSchemas);

/** Inputs per driver. CI runs 10,000 (at least 5,000 asked); `npm run fuzz -- --runs 50000` runs more. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

const weirdString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uFEFF',
    '\uD800',
    'ｓｈｏｐ－ｏｎｅ',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' or 1=1 --",
    '%00',
    '한글'.repeat(3000),
    'A'.repeat(20_000),
    '1e309',
    '-0',
    'NaN',
  ),
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  weirdString,
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.constantFrom(null, true, false, [], {}, -1, 0, 1e21, Number.MAX_SAFE_INTEGER + 2),
);

interface Mutation {
  kind: string;
  apply(req: Built): Built;
}
interface Built {
  url: string;
  method: RouteDef['method'];
  headers: Record<string, string>;
  body?: string;
}

/** Like encodeURIComponent, but a lone surrogate becomes bytes that are not valid UTF-8 (a bad URL, on purpose). */
function encode(v: string): string {
  return [...v]
    .map((ch) => (/[\uD800-\uDFFF]/.test(ch) && ch.length === 1 ? '%ED%A0%80' : encodeURIComponent(ch)))
    .join('');
}

function shapeKeys(schema: z.ZodMiniType | undefined): string[] {
  const s = schema as unknown as {
    shape?: Record<string, unknown>;
    def?: { in?: { shape?: Record<string, unknown> } };
  };
  return Object.keys(s?.shape ?? s?.def?.in?.shape ?? {});
}

/** Judged on what actually goes over the wire: JSON turns Infinity and NaN into null, which may be valid. */
function invalidFor(schema: z.ZodMiniType, value: unknown): boolean {
  const text = JSON.stringify(value);
  return !schema.safeParse(text === undefined ? undefined : JSON.parse(text)).success;
}

/** Mutations that make a valid request to `name` invalid by construction (filtered through its own schema). */
function mutations(name: RouteName): fc.Arbitrary<Mutation> {
  const def = routes[name] as RouteDef;
  const options: fc.Arbitrary<Mutation>[] = [
    junk.map((v) => ({
      kind: 'query',
      apply: (r) => ({
        ...r,
        url: `${r.url}?${encode(typeof v === 'string' ? v : (JSON.stringify(v) ?? 'x'))}=1`,
      }),
    })),
    fc
      .oneof(weirdString, fc.constantFrom('1e1', ' 1', '1.0', '0x1', '01 ', '2', '999999', '-1', '+1'))
      .filter((v) => protocolVerdict(v) !== 'ok')
      .filter((v) => /^[\t\x20-\x7e\x80-\xff]*$/.test(v))
      .map((v) => ({
        kind: 'protocol header',
        apply: (r) => ({ ...r, headers: { ...r.headers, 'x-dangol-protocol': v } }),
      })),
  ];
  if (def.body) {
    const schema = def.body;
    const valid = VALID_BODY[name] as Record<string, unknown>;
    const keys = shapeKeys(schema);
    const body = (raw: string, kind: string): Mutation => ({ kind, apply: (r) => ({ ...r, body: raw }) });
    // Strings a NUL makes invalid: a field the schema lets take anything (a password) would leave the
    // filter below nothing to keep. Those go to the server's safety net (tests/server/text.test.ts).
    const breakable = textPaths(valid).filter((path) =>
      invalidFor(schema, withTextAt(valid, path, '\u0000')),
    );
    options.push(
      junk
        .filter((v) => invalidFor(schema, v))
        .map((v) => body(JSON.stringify(v) ?? 'null', 'wrong top-level type')),
      fc
        .tuple(
          weirdString.filter((k) => !keys.includes(k) && k !== '__proto__'),
          junk,
        )
        .map(([k, v]) => body(JSON.stringify({ ...valid, [k]: v }), 'unknown field')),
      keys.length
        ? fc
            .tuple(fc.constantFrom(...keys), junk)
            .map(([k, v]) => ({ ...valid, [k]: v }))
            .filter((b) => invalidFor(schema, b))
            .map((b) => body(JSON.stringify(b), 'wrong field value'))
        : fc.constant(body('{"":0}', 'unknown field')),
      keys.length
        ? fc
            .constantFrom(...keys)
            .map((k) => Object.fromEntries(Object.entries(valid).filter(([x]) => x !== k)))
            .filter((b) => invalidFor(schema, b))
            .map((b) => body(JSON.stringify(b), 'missing field'))
        : fc.constant(body('[]', 'wrong top-level type')),
      ...(breakable.length
        ? [
            fc
              .tuple(fc.constantFrom(...breakable), oddText)
              .map(([path, text]) => withTextAt(valid, path, text))
              .filter((b) => invalidFor(schema, b))
              .map((b) => body(JSON.stringify(b), 'odd text in a field')),
          ]
        : []),
      fc
        .integer({ min: 50, max: 4000 })
        .map((d) => body(`{"x":${'['.repeat(d)}${']'.repeat(d)}}`, 'deep nesting')),
      fc
        .string({ maxLength: 200 })
        .filter((s) => {
          try {
            return invalidFor(schema, JSON.parse(s));
          } catch {
            return true;
          }
        })
        .map((s) => body(s, 'malformed json')),
      fc.constant(body(JSON.stringify({ ...valid, pad: 'x'.repeat(70_000) }), 'oversize')),
      fc
        .constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=z',
          'application/jsonx',
          'text/html',
          '',
        )
        .map((ct) => ({
          kind: 'content-type',
          apply: (r: Built) => ({ ...r, headers: { ...r.headers, 'content-type': ct } }),
        })),
    );
  }
  if (def.method !== 'GET') {
    options.push(
      fc
        .constantFrom('https://evil.example', 'http://localhost.evil', 'null', 'http://127.0.0.1:1')
        .map((origin) => ({
          kind: 'cross-site origin',
          apply: (r) => ({ ...r, headers: { ...r.headers, origin } }),
        })),
    );
  }
  if (def.params) {
    const schema = def.params;
    const key = shapeKeys(schema)[0]!;
    options.push(
      weirdString
        .filter((v) => v.length > 0 && invalidFor(schema, { [key]: v }))
        .map((v) => ({
          kind: 'bad path param',
          apply: (r) => ({ ...r, url: def.path.replace(`:${key}`, encode(v)) }),
        })),
    );
  }
  if (def.access !== 'public' && def.access !== 'device') {
    options.push(
      weirdString
        .filter((v) => /^[\x20-\x7e]*$/.test(v))
        .map((v) => ({
          kind: 'bad cookie',
          apply: (r) => ({ ...r, headers: { ...r.headers, cookie: `dangol_session=${v}` } }),
        })),
      fc
        .constantFrom(
          '',
          'dangol_session',
          '=;;=',
          'dangol_session=%E0%A4%A',
          `dangol_session=${'A'.repeat(4000)}`,
        )
        .map((c) => ({
          kind: 'garbage cookie header',
          apply: (r) => ({ ...r, headers: { ...r.headers, cookie: c } }),
        })),
    );
  }
  if (def.access === 'device') {
    options.push(
      weirdString
        .filter((v) => /^[\x20-\x7e]*$/.test(v))
        .map((v) => ({
          kind: 'bad device header',
          apply: (r) => ({ ...r, headers: { ...r.headers, 'x-dangol-device': v } }),
        })),
    );
  }
  return fc.oneof(...options);
}

function validRequest(name: RouteName, w: World): Built {
  const def = routes[name] as RouteDef;
  const params = {
    slug: w.shop1.slug,
    itemId: w.shop1.itemId,
    userId: w.shop1.staffId,
    categoryId: '9f5c6a7b-8d9e-4f0a-9b1c-2d3e4f5a6b7c',
  };
  const headers: Record<string, string> = {};
  if (def.access === 'device') headers['x-dangol-device'] = w.actors.deviceA.device!;
  else if (def.access !== 'public') headers.cookie = w.actors.owner1.cookie!;
  if (def.body) headers['content-type'] = 'application/json';
  return {
    method: def.method,
    url: fillPath(def.path, params),
    headers,
    body: def.body ? JSON.stringify(VALID_BODY[name]) : undefined,
  };
}

describe.each(drivers)('fuzzed bad input on $name', (driver) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp(driver);
    w = await makeWorld(t);
  });
  afterAll(() => t.close());

  it('has a valid body for every route that takes one', () => {
    for (const [name, def] of Object.entries(routes) as [RouteName, RouteDef][]) {
      if (def.body) expect(def.body.safeParse(VALID_BODY[name]).success, name).toBe(true);
    }
  });

  it(`answers ${RUNS} generated bad inputs with a 4xx {code, message}, never a 5xx, and changes nothing`, async () => {
    const before = await snapshot(t);
    const kinds = new Map<string, number>();
    const names = Object.keys(routes) as RouteName[];
    const cases = fc.constantFrom(...names).chain((name) => mutations(name).map((m) => ({ name, m })));
    await fc.assert(
      fc.asyncProperty(cases, async ({ name, m }) => {
        const req = m.apply(validRequest(name, w));
        kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
        const res = await t.app.inject({
          method: req.method,
          url: req.url,
          headers: req.headers,
          payload: req.body,
        } as InjectOptions);
        const ctx = `${name} / ${m.kind}: ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, ctx).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, ctx).toBeLessThan(500);
        const body = res.json() as { code: unknown; message: unknown };
        expect(isErrorCode(body.code), ctx).toBe(true);
        expect(typeof body.message === 'string' && body.message.length > 0, ctx).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(await snapshot(t)).toBe(before);
    // Every kind of damage was exercised, not just the easiest one.
    expect([...kinds.keys()].sort()).toEqual(
      expect.arrayContaining([
        'bad cookie',
        'bad device header',
        'bad path param',
        'content-type',
        'cross-site origin',
        'deep nesting',
        'malformed json',
        'missing field',
        'odd text in a field',
        'oversize',
        'protocol header',
        'query',
        'unknown field',
        'wrong field value',
        'wrong top-level type',
      ]),
    );
  });
});
