/** What a shop owner waits for: the first `npm start`, a start on existing data, a login's password check. */
import { rmSync } from 'node:fs';
import { hashPassword, verifyPassword } from '../../src/server/auth/passwords';
import { startProcess } from '../support/process';
import { percentile, tempDir, tracked, type Figures } from './lib';

/**
 * A new user's first `npm start` (builds the PWA, creates the database, seeds), a first start with
 * the build present, and a restart on existing data.
 */
export async function startupTimes(): Promise<Figures> {
  const results: Figures = {};
  rmSync('dist', { recursive: true, force: true });
  const warm = tempDir('start');
  const runs: [string, string][] = [
    ['start_first_with_build_ms', tempDir('start')],
    ['start_cold_ms', warm],
    ['start_restart_ms', warm],
  ];
  for (const [key, dataDir] of runs) {
    const env = { DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: '' };
    const t0 = performance.now();
    const p = tracked(startProcess('node', ['src/server/start.mjs'], env));
    try {
      await p.waitFor(/Shop console:/, 180_000);
      results[key] = Math.round(performance.now() - t0);
    } finally {
      await p.stop('SIGTERM');
    }
  }
  return results;
}

export async function passwordCost(): Promise<Figures> {
  const hash = await hashPassword('bench password');
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await verifyPassword('bench password', hash);
    times.push(performance.now() - t0);
  }
  return { password_verify_p50_ms: Math.round(percentile(times, 50)) };
}
