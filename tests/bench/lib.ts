/** Small helpers shared by the bench modules: figures, temp dirs, child servers, TypeScript workers. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { startProcess, type Started } from '../support/process';

export type Figures = Record<string, number | string>;

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

export const round1 = (x: number) => Math.round(x * 10) / 10;

/** A wall clock that means the same in every thread of this process (performance.now() does not). */
export const wallMs = () => performance.timeOrigin + performance.now();

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Temp dirs made by this run; removed at the end whatever happened. */
const temps: string[] = [];
export function tempDir(label: string): string {
  const d = mkdtempSync(join(tmpdir(), `dangol-bench-${label}-`));
  temps.push(d);
  return d;
}
export function removeTempDirs(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** PostgreSQL for the bench: TEST_DATABASE_URL, else the local default; null when it does not answer. */
export async function reachablePostgres(): Promise<string | null> {
  const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

/** Child processes started by this run, so an interrupted run can still end them (their groups). */
const children = new Set<Started>();
export function tracked(p: Started): Started {
  children.add(p);
  p.child.once('exit', () => children.delete(p));
  return p;
}
export async function killChildren(): Promise<void> {
  await Promise.all([...children].map((p) => p.stop('SIGKILL')));
}

export interface ChildServer {
  url: string;
  pid: number;
  proc: Started;
  stop(): Promise<void>;
}

/** `npm start` as a supervisor would run it (no build), on PGlite in dataDir, on a free loopback port. */
export async function startChildServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const proc = tracked(
    startProcess('node', ['src/server/start.mjs'], {
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      SKIP_BUILD: '1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...env,
    }),
  );
  try {
    const [, port] = await proc.waitFor(/Shop console:\s+http:\/\/localhost:(\d+)\/shop/, 60_000);
    return {
      url: `http://127.0.0.1:${port}`,
      pid: proc.child.pid!,
      proc,
      async stop() {
        await Promise.race([proc.stop('SIGTERM'), sleep(12_000)]);
        await proc.stop('SIGKILL');
      },
    };
  } catch (err) {
    await proc.stop('SIGKILL');
    throw err;
  }
}

/** Resident memory of a process, from /proc (Linux). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? round1(Number(m[1]) / 1024) : NaN;
}

/** CPU time a process has used so far (all its threads), from /proc; clock ticks are 1/100 s on Linux. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/**
 * A worker thread running a TypeScript module (tsx registered inside it), so a load generator or a
 * second client gets its own event loop instead of sharing the measured one.
 */
export function startTsWorker(file: URL, workerData: unknown): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `(async () => {
    const { register } = await import(${JSON.stringify(api)});
    register();
    await import(${JSON.stringify(file.href)});
  })().catch((e) => { console.error(e); process.exit(1); });`;
  return new Worker(code, { eval: true, workerData });
}

/** Runs a worker that posts exactly one message (its result), bounded in time. */
export function runTsWorker<T>(file: URL, workerData: unknown, timeoutMs: number): Promise<T> {
  const w = startTsWorker(file, workerData);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      void w.terminate();
      reject(new Error(`worker ${file.pathname} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    w.once('message', (m: T) => {
      clearTimeout(timer);
      void w.terminate();
      resolve(m);
    });
    w.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    w.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker ${file.pathname} exited (${code}) without a result`));
    });
  });
}
