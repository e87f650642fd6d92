/**
 * `npm run bench`: measures what the budgets in DESIGN.md and the issues ask for, prints a table and
 * writes bench-results.json (not committed). Figures, not pass/fail: budgets are judged in notes.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess } from '../support/process';
import { hashPassword, verifyPassword } from '../../src/server/auth/passwords';

const results: Record<string, number | string> = {};

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/**
 * A new user's first `npm start` (builds the PWA, creates the database, seeds), a first start with
 * the build present, and a restart on existing data.
 */
async function startupTimes() {
  rmSync('dist', { recursive: true, force: true });
  const fresh = () => mkdtempSync(join(tmpdir(), 'dangol-bench-'));
  const warm = fresh();
  const runs: [string, string][] = [
    ['start_first_with_build_ms', fresh()],
    ['start_cold_ms', warm],
    ['start_restart_ms', warm],
  ];
  for (const [key, dataDir] of runs) {
    const env = { DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: '' };
    const t0 = performance.now();
    const p = startProcess('node', ['src/server/start.mjs'], env);
    await p.waitFor(/Shop console:/, 180_000);
    results[key] = Math.round(performance.now() - t0);
    await p.stop('SIGTERM');
  }
}

async function passwordCost() {
  const hash = await hashPassword('bench password');
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await verifyPassword('bench password', hash);
    times.push(performance.now() - t0);
  }
  results.password_verify_p50_ms = Math.round(percentile(times, 50));
}

await startupTimes();
await passwordCost();
const previous = existsSync('bench-results.json')
  ? (JSON.parse(readFileSync('bench-results.json', 'utf8')) as object)
  : {};
writeFileSync(
  'bench-results.json',
  JSON.stringify({ ...previous, ...results, measured_at: new Date().toISOString() }, null, 2),
);
console.table(results);
