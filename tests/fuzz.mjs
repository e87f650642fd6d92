// `npm run fuzz -- --runs 50000`: the fuzz suite with more inputs than CI's default.
import { spawnSync } from 'node:child_process';

const i = process.argv.indexOf('--runs');
const runs = i > 0 ? process.argv[i + 1] : '50000';
if (!/^\d+$/.test(runs ?? '')) {
  console.error('usage: npm run fuzz -- --runs N');
  process.exit(2);
}
const r = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'tests/server/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs },
});
process.exit(r.status ?? 1);
