import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDrill } from '../drill/drill';
import { parseOptions } from '../drill/options';

const pgUrl = process.env.TEST_DATABASE_URL;
const reportDir = mkdtempSync(join(tmpdir(), 'dangol-drill-report-'));
afterAll(() => rmSync(reportDir, { recursive: true, force: true }));

/**
 * A small Saturday, the same code as `npm run drill`: about 30 orders over 45 s, the real server
 * process SIGKILLed for an hour of shop time (≈ 22 s) in the middle, phones and tablets in Chromium
 * dropping offline, an SMS hand-off imported on the tablet, an item sold out offline. The verdict
 * (exactly once, honest states, reasons seen, in step within 10 s, sold out and quotas) must pass.
 */
// One run, on PostgreSQL where the suite has one (as in production and in CI), else embedded: the
// drill is ~100 s, and the storage drivers are each covered by the suites that run on both.
const runs = pgUrl
  ? [{ name: 'PostgreSQL', args: ['--database-url', pgUrl] }]
  : [{ name: 'PGlite (--embedded)', args: ['--embedded'] }];

describe.each(runs)('the outage drill, a small day on $name', ({ args }) => {
  it(
    'every order reaches the shop exactly once, no screen claims early, devices converge within 10 s',
    { timeout: 240_000 },
    async () => {
      const opts = parseOptions([
        ...args,
        '--minutes',
        '0.75',
        '--hours',
        '2',
        '--rate',
        '15',
        '--browser-rate',
        '7',
        '--phones',
        '2',
        '--headless-phones',
        '2',
        '--seed',
        '2022',
        '--static-dir',
        process.env.STATIC_DIR ?? 'dist',
        '--report-dir',
        reportDir,
      ]);
      const { verdict, record, reportFile } = await runDrill(opts, () => {});
      const f = verdict.figures;
      expect(verdict.breaches, JSON.stringify(verdict.breaches.slice(0, 10), null, 1)).toEqual([]);
      expect(verdict.passed).toBe(true);
      expect(f.placed).toBeGreaterThanOrEqual(20);
      expect(f.reachedOnce + f.refused).toBe(f.placed);
      expect(f.lost).toBe(0);
      expect(f.doubled).toBe(0);
      // The outage really happened and customers really ordered through it.
      expect(record.outage).not.toBeNull();
      expect(f.byPath.offline + f.byPath.sms).toBeGreaterThan(0);
      expect(f.byPath.online).toBeGreaterThan(0);
      expect(f.convergeMs).not.toBeNull();
      expect(existsSync(reportFile)).toBe(true);
      expect(readFileSync(reportFile, 'utf8')).toContain('# Outage drill — PASSED');
    },
  );
});
