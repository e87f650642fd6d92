/**
 * `npm run drill`: the Saturday outage drill. Runs the product for real on this machine — the server
 * process on PostgreSQL (or PGlite with --embedded), phones and tablets in Chromium — kills the backend
 * for an hour of shop time, and judges the day. Exit code 1 when any rule broke; the report names the order.
 */
import { parseOptions } from './options';
import { runDrill } from './drill';

const opts = parseOptions(process.argv.slice(2));
console.log(`outage drill — seed ${opts.seed} (replay with --seed ${opts.seed})`);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('interrupted: the server and browsers this drill started are stopped on exit');
    setTimeout(() => process.exit(130), 5_000).unref();
  });
try {
  const { verdict, reportFile, seconds } = await runDrill(opts);
  const f = verdict.figures;
  console.log(
    `\n${verdict.passed ? 'PASSED' : 'FAILED'} in ${seconds.toFixed(0)} s — ${f.placed} orders placed ` +
      `(online ${f.byPath.online}, offline ${f.byPath.offline}, SMS ${f.byPath.sms}, phone ${f.byPath.phone_order}, background ${f.byPath.background}); ` +
      `${f.reachedOnce} reached once, ${f.refused} refused, ${f.lost} lost, ${f.doubled} doubled; ` +
      `converged in ${f.convergeMs === null ? 'never' : `${(f.convergeMs / 1000).toFixed(1)} s`}; ` +
      `longest wait on a phone ${(f.longestWaitMs / 1000).toFixed(1)} s`,
  );
  for (const b of verdict.breaches.slice(0, 30)) console.log(`  ✗ ${b.rule} ${b.subject}: ${b.detail}`);
  console.log(`report: ${reportFile}`);
  process.exit(verdict.passed ? 0 : 1);
} catch (e) {
  console.error((e as Error).stack ?? String(e));
  process.exit(2);
}
