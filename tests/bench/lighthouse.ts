/**
 * Lighthouse's mobile performance of a customer's shop page: the default config (a mid-range phone,
 * simulated slow 4G and 4× CPU throttling), performance category only, against the built app served
 * by the real server (as a user starts it), five runs, medians. Each run gets its own headless
 * Chromium with an empty profile; Lighthouse also clears the origin's storage before loading.
 * Runs alone too: `npx tsx tests/bench/lighthouse.ts`. When Lighthouse cannot run, the figure
 * lighthouse_error says why instead of the step failing (with medians over the runs that worked).
 * The page keeps its live stream open, so the network never goes quiet and each run waits out
 * Lighthouse's 45 s load limit ("The page loaded too slowly…"): about 50 s a run. The server serves
 * dist/ from disk, so a rebuild of it during a run (another `npm start` or `npm run build` in the
 * same tree) gives NO_FCP for that run.
 */
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser';
import { startProcess } from '../support/process';
import { DEMO_PATH, startUserServer, type UserServer } from './firstLoad';
import { killChildren, removeTempDirs, sleep, tempDir, tracked, type Figures } from './lib';

const RUNS = 5;
const RUN_TIMEOUT_MS = 90_000;

interface Run {
  score: number;
  lcpMs: number;
  /** The other metrics of the score, for the log: FCP, TBT, CLS, Speed Index. */
  detail: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** A headless Chromium Lighthouse can drive; port 0 lets Chromium pick a free one and print it. */
async function launchDebuggableChromium() {
  const proc = tracked(
    startProcess(
      chromiumPath(),
      [
        '--headless=new',
        '--remote-debugging-port=0',
        `--user-data-dir=${tempDir('lighthouse-chromium')}`,
        ...CHROMIUM_ARGS,
        'about:blank',
      ],
      {},
    ),
  );
  try {
    const [, port] = await proc.waitFor(/DevTools listening on ws:\/\/[^:]+:(\d+)\//, 30_000);
    return { port: Number(port), stop: () => proc.stop('SIGKILL') };
  } catch (err) {
    await proc.stop('SIGKILL');
    throw err;
  }
}

async function oneRun(url: string): Promise<Run> {
  const { default: lighthouse } = await import('lighthouse');
  const chrome = await launchDebuggableChromium();
  let timer: NodeJS.Timeout | undefined;
  try {
    const run = lighthouse(url, {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: ['performance'],
      formFactor: 'mobile',
    });
    // A timed-out run leaves Lighthouse waiting on a browser that is about to be killed.
    run.catch(() => {});
    const result = await Promise.race([
      run,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Lighthouse run timed out after ${RUN_TIMEOUT_MS / 1000} s`)),
          RUN_TIMEOUT_MS,
        );
      }),
    ]);
    const lhr = result?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no result');
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const score = lhr.categories.performance?.score;
    const lcp = lhr.audits['largest-contentful-paint']?.numericValue;
    if (typeof score !== 'number' || typeof lcp !== 'number') {
      const why = lhr.audits['largest-contentful-paint']?.errorMessage ?? 'no performance score';
      throw new Error(`Lighthouse measured no score or LCP: ${why}`);
    }
    for (const w of lhr.runWarnings) console.log(`  Lighthouse warning: ${w}`);
    const metric = (id: string, unit = ' ms') => {
      const v = lhr.audits[id]?.numericValue;
      return typeof v === 'number' ? `${unit ? Math.round(v) : v.toFixed(3)}${unit}` : '?';
    };
    const detail =
      `FCP ${metric('first-contentful-paint')}, TBT ${metric('total-blocking-time')}, ` +
      `CLS ${metric('cumulative-layout-shift', '')}, SI ${metric('speed-index')}`;
    return { score: score * 100, lcpMs: lcp, detail };
  } finally {
    clearTimeout(timer);
    await chrome.stop();
  }
}

export async function lighthouseFigures(runs = RUNS): Promise<Figures> {
  let server: UserServer | undefined;
  const done: Run[] = [];
  const errors: string[] = [];
  let failure: string | undefined;
  try {
    server = await startUserServer(tempDir('lighthouse-db'));
    for (let i = 0; i < runs; i++) {
      try {
        const r = await oneRun(server.url + DEMO_PATH);
        console.log(
          `  run ${i + 1}: performance ${Math.round(r.score)}, LCP ${Math.round(r.lcpMs)} ms, ${r.detail}`,
        );
        done.push(r);
      } catch (err) {
        console.log(`  run ${i + 1} failed: ${(err as Error).stack ?? String(err)}`);
        errors.push((err as Error).message ?? String(err));
        await sleep(1_000);
      }
    }
  } catch (err) {
    failure = `the server did not start: ${(err as Error).message ?? String(err)}`;
  } finally {
    await server?.stop();
  }
  const figures: Figures = { lighthouse_runs: done.length };
  if (done.length > 0) {
    figures.lighthouse_mobile_perf_median = Math.round(median(done.map((r) => r.score)));
    figures.lighthouse_lcp_ms_median = Math.round(median(done.map((r) => r.lcpMs)));
  }
  if (errors.length > 0) failure ??= `${errors.length} of ${runs} runs failed: ${errors[0]}`;
  if (failure) figures.lighthouse_error = failure.slice(0, 400);
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(await lighthouseFigures());
  } finally {
    await killChildren();
    removeTempDirs();
  }
}
