/**
 * Worker: many customer phones placing orders through the real push route. Each phone is registered
 * with POST /api/devices, has its own clientId and sends seq 1, 2, 3…; `concurrency` requests are in
 * flight at any time, each carrying one placeOrder. A phone is used by one request at a time, and
 * after a few orders it goes back to the pool (people order a few times, then someone else does).
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { HEADER_DEVICE, HEADER_PROTOCOL, PROTOCOL_VERSION } from '../../../src/protocol/version';

export interface PushLoadInput {
  base: string;
  slug: string;
  itemId: string;
  date: string;
  concurrency: number;
  devices: number;
  ordersPerDevice: number;
  warmupMs: number;
  durationMs: number;
}

export interface PushLoadOutput {
  /** 200 answers whose one result was 'applied', received inside the measured window. */
  applied: number;
  windowMs: number;
  other: Record<string, number>;
  latencyMs: number[];
}

const input = workerData as PushLoadInput;
const agent = new http.Agent({ keepAlive: true, maxSockets: input.concurrency + 8 });

function post(
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${input.base}${path}`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
          ...headers,
        },
        timeout: 30_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

interface Phone {
  token: string;
  clientId: string;
  lastSeq: number;
}

async function registerPhones(n: number): Promise<Phone[]> {
  const phones: Phone[] = [];
  for (let i = 0; i < n; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, async () => {
        const res = await post('/api/devices', {}, '{}');
        if (res.status !== 201) throw new Error(`register ${res.status} ${res.body}`);
        return {
          token: (JSON.parse(res.body) as { token: string }).token,
          clientId: randomUUID(),
          lastSeq: 0,
        };
      }),
    );
    phones.push(...batch);
  }
  return phones;
}

const phones = await registerPhones(input.devices);
const free = [...phones];
const other: Record<string, number> = {};
const bump = (k: string) => (other[k] = (other[k] ?? 0) + 1);
const latencyMs: number[] = [];
const t0 = performance.now();
const measureFrom = t0 + input.warmupMs;
const end = measureFrom + input.durationMs;
let applied = 0;
// The parent profiles the server over the same window.
setTimeout(() => parentPort!.postMessage({ type: 'start' }), input.warmupMs);
setTimeout(() => parentPort!.postMessage({ type: 'end' }), input.warmupMs + input.durationMs);

async function loop(): Promise<void> {
  // Bounded by time; the count bound is a safety net (no more than 1,000 orders a second per loop).
  for (let i = 0; i < input.durationMs + input.warmupMs && performance.now() < end;) {
    const phone = free.shift();
    if (!phone) throw new Error('device pool smaller than concurrency');
    for (let k = 0; k < input.ordersPerDevice && performance.now() < end; k++, i++) {
      const seq = phone.lastSeq + 1;
      const body = JSON.stringify({
        clientId: phone.clientId,
        mutations: [
          {
            mutationId: randomUUID(),
            seq,
            name: 'placeOrder',
            args: {
              orderId: randomUUID(),
              lines: [{ itemId: input.itemId, quantity: 1, optionIds: [] }],
              fulfilment: 'pickup',
              date: input.date,
              slot: null,
              customerName: '김단골',
              customerPhone: '010-1234-5678',
              address: '',
              note: '',
            },
          },
        ],
      });
      const sent = performance.now();
      try {
        const res = await post(`/api/s/${input.slug}/push`, { [HEADER_DEVICE]: phone.token }, body);
        const done = performance.now();
        if (res.status !== 200) {
          bump(`http_${res.status}`);
          continue;
        }
        const json = JSON.parse(res.body) as {
          results: { status: string; code?: string }[];
          lastSeq: number;
        };
        phone.lastSeq = json.lastSeq;
        const r = json.results[0];
        if (r?.status !== 'applied') {
          bump(r ? `${r.status}_${r.code}` : 'no_result');
          continue;
        }
        if (done >= measureFrom && done <= end) {
          applied++;
          latencyMs.push(done - sent);
        }
      } catch (err) {
        bump(`error_${(err as Error).message}`);
      }
    }
    free.push(phone);
  }
}

await Promise.all(Array.from({ length: input.concurrency }, loop));
agent.destroy();
const out: PushLoadOutput = { applied, windowMs: input.durationMs, other, latencyMs };
parentPort!.postMessage({ type: 'result', out });
