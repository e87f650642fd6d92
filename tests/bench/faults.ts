/**
 * The fault-injection property test (tests/client/faults.test.ts) at bench scale: it writes its own
 * figures (fault_sequences, fault_lost, fault_doubled) to FAULT_REPORT. The bench runs it last, for
 * 10,000 sequences in all when that fits the time left, otherwise as many as fit (said in the table).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess } from '../support/process';
import { tempDir, tracked, type Figures } from './lib';

export const FAULTS_TEST = 'tests/client/faults.test.ts';

/** One vitest run; null when it failed or ran out of time (the process group is killed). */
async function runFaults(
  sequences: number,
  timeoutMs: number,
): Promise<{ figures: Figures; ms: number; ok: boolean; output: string } | null> {
  const report = join(tempDir('faults'), 'report.json');
  const t0 = performance.now();
  const p = tracked(
    startProcess('npx', ['vitest', 'run', '--project', 'unit', FAULTS_TEST], {
      FAULT_SEQUENCES: String(sequences),
      FAULT_REPORT: report,
    }),
  );
  const timer = setTimeout(() => void p.stop('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) =>
    p.child.exitCode !== null ? resolve(p.child.exitCode) : p.child.once('exit', resolve),
  );
  clearTimeout(timer);
  const ms = performance.now() - t0;
  if (!existsSync(report)) return null;
  const figures = JSON.parse(readFileSync(report, 'utf8')) as Figures;
  return { figures, ms, ok: code === 0, output: p.output() };
}

/** Run time ≈ fixed + perSeq × n, from the smallest and the largest run so far. */
function model(runs: { n: number; ms: number }[]): { fixed: number; perSeq: number } {
  const small = runs.reduce((a, b) => (b.n < a.n ? b : a));
  const large = runs.reduce((a, b) => (b.n > a.n ? b : a));
  const perSeq = Math.max(0.1, (large.ms - small.ms) / Math.max(1, large.n - small.n));
  return { fixed: Math.max(0, small.ms - small.n * perSeq), perSeq };
}

/**
 * Runs of the test, each with fresh random seeds, until `wanted` sequences have run or the deadline
 * would be passed; the figures are summed. The first two runs are short (they also calibrate: the
 * fixed cost of vitest and the databases, and the cost per sequence); each later one gets a share of
 * the time left, re-estimated after every run.
 */
export async function faultFigures(deadline: number, wanted = 10_000): Promise<Figures> {
  if (!existsSync(FAULTS_TEST)) {
    console.log(`  faults: ${FAULTS_TEST} does not exist yet; skipped`);
    return { fault_note: `skipped: ${FAULTS_TEST} not found` };
  }
  const left = () => deadline - performance.now();
  const sums: Record<string, number> = { fault_sequences: 0, fault_lost: 0, fault_doubled: 0 };
  const runs: { n: number; ms: number }[] = [];
  let asked = 0;
  let failed = false;
  for (const first of [50, 250, 0, 0, 0, 0, 0, 0]) {
    if (asked >= wanted) break;
    let n = Math.min(first, wanted - asked);
    if (!first) {
      const { fixed, perSeq } = model(runs);
      // Aim at 60% of the time left: sequences vary in cost and the machine may be busy, and a run
      // cut off at the deadline reports nothing. What an early finish leaves goes to the next run.
      n = Math.min(wanted - asked, Math.floor((left() * 0.6 - fixed) / perSeq));
      console.log(
        `  faults: ~${(fixed / 1000).toFixed(1)} s fixed + ${perSeq.toFixed(1)} ms/sequence;` +
          ` ${Math.round(left() / 1000)} s left → ${n} more sequences`,
      );
      if (n < 100) break;
    }
    const run = await runFaults(n, Math.max(1_000, left()));
    if (!run) {
      console.log(`  faults: the run of ${n} did not finish before the deadline`);
      break;
    }
    if (!run.ok && !failed) console.log(`  faults: the test failed:\n${run.output.slice(-3000)}`);
    failed ||= !run.ok;
    asked += n;
    runs.push({ n, ms: run.ms });
    for (const [k, v] of Object.entries(run.figures)) if (typeof v === 'number') sums[k] = (sums[k] ?? 0) + v;
  }
  if (runs.length === 0) return { fault_note: 'no run finished; see the output above' };
  const note =
    `${asked} sequences in ${runs.length} runs (${runs.map((r) => r.n).join(' + ')}, fresh seeds each)` +
    (asked < wanted ? `, not ${wanted}: that is what fits in 10 min` : '');
  return { ...sums, fault_note: note, ...(failed ? { fault_test_failed: 1 } : {}) };
}
