import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { orderLabel } from '../../src/i18n/orderLabel';
import { BackgroundPhone } from './background';
import type { DrillOptions } from './options';
import { BrowserPhone, type Arrival, type SmsMessage } from './phone';
import { rng } from './prng';
import { expectedState, type DrillRecord, type ServerTruth } from './record';
import { writeReport } from './report';
import { planDay, type DayPlan } from './schedule';
import { DrillServer, SLUG } from './server';
import { BrowserTablet } from './tablet';
import { judge, type Verdict } from './verdict';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** The item the counter tablet marks sold out in the middle of the outage. */
const SOLD_OUT_ITEM = '진미채볶음';
const REJECT_SHARE = 0.12;

export interface DrillResult {
  record: DrillRecord;
  truth: ServerTruth;
  verdict: Verdict;
  reportFile: string;
  seconds: number;
}

/** Builds the PWA into dist-drill when the chosen folder has no build (never into dist: others use it). */
function ensureBuilt(o: DrillOptions, log: (s: string) => void): void {
  if (existsSync(`${o.staticDir}/index.html`)) return;
  if (o.staticDir === 'dist') o.staticDir = 'dist-drill';
  if (existsSync(`${o.staticDir}/index.html`)) return;
  log(`building the app into ${o.staticDir}/ …`);
  const r = spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--outDir',
      o.staticDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error('vite build failed');
}

interface Devices {
  phones: BrowserPhone[];
  background: BackgroundPhone[];
  tablets: BrowserTablet[];
}

/**
 * One Saturday: the real server process on its own database, phones and tablets in Chromium and
 * background phones, customers arriving all day, the backend SIGKILLed for an hour of shop time in
 * the middle, devices dropping offline at random. Then the verdict from the server's record and every
 * device, and a report. Everything it starts it stops, also when a step throws.
 */
export async function runDrill(
  o: DrillOptions,
  log: (s: string) => void = console.log,
): Promise<DrillResult> {
  const t0 = Date.now();
  ensureBuilt(o, log);
  const random = rng(o.seed);
  const plan = planDay(o, random.fork('plan'));
  const record: DrillRecord = {
    seed: o.seed,
    options: { ...o },
    database: '',
    startedAt: 0,
    endedAt: 0,
    outage: null,
    orders: [],
    chats: { sent: 0, onServer: 0 },
    rejections: [],
    reasonsSeen: [],
    soldOut: [],
    prints: 0,
    offline: [],
    samples: [],
    converge: [],
    snapshots: [],
    notes: [],
  };
  const server = new DrillServer(o);
  let browser: Browser | undefined;
  const devices: Devices = { phones: [], background: [], tablets: [] };
  try {
    await server.start();
    record.database = server.database;
    log(`server up on ${server.url} — ${server.database}`);
    await server.signIn();
    await server.openAllDay();
    const shop = (await (await fetch(`${server.url}/api/shops/${SLUG}`)).json()) as {
      schedule: { timeZone: string };
      items: { id: string; name: string }[];
    };
    const itemIds = new Map(shop.items.map((i) => [i.name, i.id]));
    const url = () => server.url;
    browser = await launchChromium();
    const b = browser;
    let serverUp = true;
    const alive = () => ({ serverUp });
    devices.tablets = [
      new BrowserTablet('tablet-a', b, url, record),
      new BrowserTablet('tablet-b', b, url, record),
    ];
    for (const t of devices.tablets) await t.open();
    for (let i = 0; i < o.phones; i++) {
      const p = new BrowserPhone(`phone-${i + 1}`, b, url, record, alive);
      await p.open();
      devices.phones.push(p);
    }
    for (let i = 0; i < (o.rate > o.browserRate ? o.headlessPhones : 0); i++) {
      const p = new BackgroundPhone(`bg-${i + 1}`, url, record, itemIds);
      await p.open();
      devices.background.push(p);
    }
    log(
      `day: ${plan.arrivals.length} arrivals (${plan.arrivals.filter((a) => a.kind === 'browser').length} on Chromium screens) ` +
        `over ${(plan.dayMs / 1000).toFixed(0)} s; outage ${(plan.killAt / 1000).toFixed(0)}–${(plan.backAt / 1000).toFixed(0)} s`,
    );

    // ——— The day ———
    const dayStart = Date.now();
    record.startedAt = dayStart;
    const at = (ms: number) => sleep(Math.max(0, dayStart + ms - Date.now()));
    let hold = false;
    let dayOver = false;
    const sms: SmsMessage[] = [];
    const browserQueue: Arrival[] = [];
    let dispatching = true;
    const guard = async (who: string, step: () => Promise<unknown>) => {
      try {
        await step();
      } catch (e) {
        record.notes.push(`${who}: ${(e as Error).message.split('\n')[0]}`);
      }
    };

    const controller = (async () => {
      await at(plan.killAt);
      await server.kill();
      serverUp = false;
      const killedAt = Date.now();
      log(`SIGKILL at ${((killedAt - dayStart) / 1000).toFixed(1)} s`);
      await at(plan.backAt);
      await server.start();
      serverUp = true;
      const backAt = Date.now();
      record.outage = { killedAt, backAt };
      log(`server back at ${((backAt - dayStart) / 1000).toFixed(1)} s; measuring convergence`);
      hold = true;
      record.converge = await measureConvergence(server, devices, backAt, o.convergeMs, record);
      hold = false;
      log(`converged: ${record.converge.map((c) => `${c.device} ${c.ms ?? '—'} ms`).join(', ')}`);
    })();

    const dispatcher = (async () => {
      let bg = 0;
      for (const a of plan.arrivals) {
        await at(a.at);
        for (let i = 0; hold && i < 600; i++) await sleep(100);
        if (a.kind === 'browser') browserQueue.push(a);
        else if (a.intent !== 'chat' && devices.background.length > 0) {
          const phone = devices.background[bg++ % devices.background.length]!;
          await guard(phone.label, () => phone.place(a, random.fork(`a${a.n}`)));
        }
      }
      dispatching = false;
    })();

    const phoneWorkers = devices.phones.map(async (p) => {
      const r = random.fork(p.label);
      for (let i = 0; i < 100_000; i++) {
        const a = browserQueue.shift();
        if (!a) {
          if (!dispatching) return;
          await sleep(200);
          continue;
        }
        // A visit already under way at the server's return finishes; new ones wait with the arrivals.
        for (let w = 0; hold && w < 600; w++) await sleep(100);
        if (r.chance(0.25)) await guard(p.label, () => p.reopen());
        await guard(`${p.label} customer ${a.n}`, () => p.visit(a, random.fork(`a${a.n}`), sms));
      }
    });

    const counter = devices.tablets[0]!;
    const counterWork = (async () => {
      const r = random.fork('tablet-a');
      let marked = false;
      while (!dayOver) {
        if (hold) {
          await sleep(200);
          continue;
        }
        const now = Date.now() - dayStart;
        let did = false;
        // Sold out is marked in the middle of the outage, with the tablet cut off from the server.
        const soldOutDue = !marked && now > plan.killAt + (plan.backAt - plan.killAt) * 0.4;
        const message = soldOutDue ? undefined : sms.shift();
        if (soldOutDue) {
          marked = true;
          await guard('tablet-a sold out', () =>
            counter.markSoldOut(SOLD_OUT_ITEM, itemIds.get(SOLD_OUT_ITEM)!, shop.schedule.timeZone),
          );
          await counter.recover();
          did = true;
        } else if (message) {
          await guard('tablet-a sms import', () =>
            counter.importSms(message).catch(async (e) => {
              await counter.recover();
              throw e;
            }),
          );
          did = true;
        } else {
          await guard('tablet-a board', async () => {
            did = await counter.workBoard(r, REJECT_SHARE).catch(async (e) => {
              await counter.recover();
              throw e;
            });
          });
        }
        await sleep(did ? 150 : 600);
      }
    })();

    const second = devices.tablets[1]!;
    const secondWork = (async () => {
      let k = 0;
      for (const call of plan.phoneCalls) {
        await at(call);
        for (let i = 0; hold && i < 600; i++) await sleep(100);
        const n = ++k;
        const item = ['깍두기', '멸치볶음', '제육볶음'][n % 3]!;
        const placedAt = Date.now();
        await guard('tablet-b phone order', async () => {
          await second.recover();
          const id = await second.phoneOrder(n, item);
          if (!id) throw new Error(`phone order ${n} not found on the tablet`);
          record.orders.push({
            id,
            path: 'phone_order',
            device: 'tablet-b',
            customerName: `전화손님${n}`,
            items: [item],
            date: '',
            placedAt,
            settledAt: null,
            seen: {},
          });
        });
      }
    })();

    const chaos = offlineStretches(
      plan,
      devices,
      record,
      random.fork('chaos'),
      () => hold,
      () => dayOver,
      dayStart,
    );
    const sampler = (async () => {
      while (!dayOver) {
        await guard('sampler', async () => record.samples.push(await sample(devices, serverUp)));
        await sleep(1_000);
      }
    })();

    await at(plan.dayMs);
    await dispatcher;
    await Promise.all(phoneWorkers);
    await secondWork;
    await controller;
    dayOver = true;
    await Promise.all([counterWork, chaos, sampler]);
    record.endedAt = Date.now();
    log(`day over at ${((record.endedAt - dayStart) / 1000).toFixed(1)} s; settling`);

    // ——— Closing: every device online, let them settle, then look at everything ———
    for (const d of [...devices.phones, ...devices.tablets]) await d.setOffline(false);
    for (const d of devices.background) d.offline = false;
    await settle(server, devices, record);
    await showRejections(server, devices, record);
    for (const d of [...devices.phones, ...devices.background, ...devices.tablets])
      await guard(`${d.label} snapshot`, async () => record.snapshots.push(await d.snapshot()));
    const truth = await server.truth();
    record.chats.onServer = truth.customerMessages;
    // The tablet knew each rejected order by what its card was called (#16): "12번" or a provisional label.
    for (const rej of record.rejections)
      rej.orderId = truth.orders.find((x) => orderLabel(x, 'ko') === rej.orderId)?.id ?? rej.orderId;
    for (const order of record.orders) order.date ||= truth.orders.find((x) => x.id === order.id)?.date ?? '';
    const verdict = judge(record, truth, o.convergeMs);
    const seconds = (Date.now() - t0) / 1000;
    const reportFile = writeReport(o.reportDir, record, truth, verdict, seconds);
    return { record, truth, verdict, reportFile, seconds };
  } catch (e) {
    throw new Error(`${(e as Error).message}\n--- server output ---\n${server.log.slice(-4000)}`, {
      cause: e,
    });
  } finally {
    for (const p of devices.background) await p.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server.close();
  }
}

async function sample(d: Devices, serverUp: boolean) {
  let phoneQueue = 0;
  for (const p of d.phones) phoneQueue += await p.queue().catch(() => 0);
  for (const p of d.background) phoneQueue += await p.queue();
  let tabletQueue = 0;
  for (const t of d.tablets) tabletQueue += await t.queue().catch(() => 0);
  return { at: Date.now(), phoneQueue, tabletQueue, serverUp };
}

/**
 * Random offline stretches (context.setOffline; background phones stop syncing), from the seeded
 * source: about one every 8 s of wall time, 2–8 s long, on a random phone or tablet. None during the
 * convergence window, where the question is how fast devices catch up.
 */
async function offlineStretches(
  plan: DayPlan,
  d: Devices,
  record: DrillRecord,
  r: ReturnType<typeof rng>,
  hold: () => boolean,
  over: () => boolean,
  dayStart: number,
): Promise<void> {
  const all = [...d.phones, ...d.tablets, ...d.background];
  const spans: Promise<void>[] = [];
  for (let i = 0; i < 10_000 && !over() && Date.now() - dayStart < plan.dayMs - 10_000; i++) {
    await sleep(r.int(4_000, 12_000));
    if (hold() || over()) continue;
    const dev = r.pick(all);
    if (dev.offline) continue;
    const ms = r.int(2_000, 8_000);
    spans.push(
      (async () => {
        const from = Date.now();
        if (dev instanceof BackgroundPhone) dev.offline = true;
        else await dev.setOffline(true).catch(() => {});
        const end = from + ms;
        while (Date.now() < end && !hold()) await sleep(200);
        if (dev instanceof BackgroundPhone) dev.offline = false;
        else await dev.setOffline(false).catch(() => {});
        record.offline.push({ device: dev.label, from, to: Date.now() });
      })(),
    );
  }
  await Promise.all(spans);
}

/**
 * From the server's return: each device is "in step" from the first check of a streak that lasts
 * to the end of the window — phones with nothing from before the return still waiting or only on the
 * phone; tablets with nothing waiting and every order the server holds, at the server's status. New
 * arrivals and visits are held meanwhile, so "in step" has a fixed target; a visit already under way
 * may still place an order, which is new work and not counted against the phone (the first CI runs
 * failed phones for an order placed seconds after the return).
 */
async function measureConvergence(
  server: DrillServer,
  d: Devices,
  backAt: number,
  limitMs: number,
  record: DrillRecord,
): Promise<{ device: string; ms: number | null }[]> {
  // A tab left on the browser's error page while the server was gone is reloaded, as a person would.
  for (const p of d.phones)
    if (p.page && !p.page.url().startsWith(server.url)) await p.reopen().catch(() => {});
  const since = new Map<string, number | null>();
  const labels = [...d.phones, ...d.background, ...d.tablets].map((x) => x.label);
  for (const l of labels) since.set(l, null);
  const deadline = backAt + Math.max(limitMs * 2, 20_000);
  let stableRounds = 0;
  while (Date.now() < deadline) {
    const truth = await server.truth().catch(() => null);
    const now = Date.now();
    const checks: [string, boolean][] = [];
    for (const p of d.phones) checks.push([p.label, await p.caughtUp(backAt).catch(() => false)]);
    for (const p of d.background) checks.push([p.label, await p.caughtUp()]);
    for (const t of d.tablets) {
      const snap = await t.snapshot().catch(() => null);
      const held = new Map(snap?.orders.map((x) => [x.id, x.serverStatus]));
      const ok =
        !!truth &&
        !!snap &&
        snap.outbox === 0 &&
        truth.orders.every((row) => held.get(row.id) === row.status);
      checks.push([t.label, ok]);
    }
    for (const [label, ok] of checks) since.set(label, ok ? (since.get(label) ?? now) : null);
    if (checks.every(([, ok]) => ok)) {
      if (++stableRounds >= 3) break;
    } else stableRounds = 0;
    await sleep(250);
  }
  if (stableRounds < 3) record.notes.push('convergence window ended before every device was in step');
  return labels.map((device) => {
    const s = since.get(device);
    return { device, ms: s === null || s === undefined ? null : s - backAt };
  });
}

/** After closing: every queue drains and the tablets hold what the server holds (bounded). */
async function settle(server: DrillServer, d: Devices, record: DrillRecord): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const truth = await server.truth();
    const refused = new Set(
      truth.mutations.filter((m) => m.name === 'placeOrder' && m.status === 'rejected').map((m) => m.orderId),
    );
    const rows = new Map(truth.orders.map((x) => [x.id, x]));
    let ok = true;
    for (const p of [...d.phones, ...d.background]) {
      const snap = await p.snapshot().catch(() => null);
      ok &&=
        !!snap &&
        snap.outbox === 0 &&
        snap.orders.every((x) => x.state === expectedState(rows.get(x.id), refused.has(x.id)));
    }
    for (const t of d.tablets) {
      const snap = await t.snapshot();
      const held = new Map(snap.orders.map((x) => [x.id, x.serverStatus]));
      ok &&= snap.outbox === 0 && truth.orders.every((row) => held.get(row.id) === row.status);
    }
    if (ok) return;
    await sleep(500);
  }
  record.notes.push('devices had not settled 60 s after closing');
}

/** Each rejected order's customer opens the order page: the reason must be on the screen. */
async function showRejections(server: DrillServer, d: Devices, record: DrillRecord): Promise<void> {
  const truth = await server.truth();
  for (const row of truth.orders.filter((x) => x.status === 'rejected')) {
    const placed = record.orders.find((x) => x.id === row.id);
    const phone = d.phones.find((p) => p.label === placed?.device);
    if (!phone) continue;
    try {
      const text = await phone.lookAt(row.id);
      record.reasonsSeen.push({ orderId: row.id, text });
    } catch (e) {
      record.notes.push(`${phone.label}: could not open rejected order ${row.id}: ${(e as Error).message}`);
    }
  }
}
