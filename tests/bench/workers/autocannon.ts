/** Worker: autocannon against a URL, on its own event loop so the server under test keeps its own. */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, connections, durationS } = workerData as { url: string; connections: number; durationS: number };
const opts = { url, connections, pipelining: 1, duration: durationS };
// In a worker thread autocannon hands back encoded histograms, as it would to its own coordinator.
const r = autocannon.aggregateResult([await autocannon(opts)], opts);
parentPort!.postMessage({
  rps: r['2xx'] / r.duration,
  ok: r['2xx'],
  errors: r.errors + r.timeouts + r.non2xx,
  latencyP99: r.latency.p99,
});
