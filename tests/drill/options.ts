import { randomSeed } from './prng';

/** The knobs of one drill run. Times in "shop minutes" are compressed onto `minutes` of wall time. */
export interface DrillOptions {
  /** Wall-clock length of the trading day. */
  minutes: number;
  /** Shop hours the day covers (the outage sits in the middle). */
  hours: number;
  /** All orders per shop hour (phones in Chromium plus background phones running the client code). */
  rate: number;
  /** Of `rate`, orders per shop hour placed through real customer screens in Chromium. */
  browserRate: number;
  /** How long the backend is gone, in shop minutes. */
  outageMinutes: number;
  /** Customer browser contexts alive at once (2 cores: keep it small). */
  phones: number;
  /** Background phones (real client sync code in this process, no screen). */
  headlessPhones: number;
  seed: number;
  /** PGlite under a fresh temporary DATA_DIR instead of PostgreSQL. */
  embedded: boolean;
  /** PostgreSQL server to create the run's own database on (ignored with `embedded`). */
  databaseUrl: string;
  staticDir: string;
  reportDir: string;
  /** Devices must be back in step with the server within this long after its return. */
  convergeMs: number;
  quiet: boolean;
}

export const DEFAULTS: DrillOptions = {
  minutes: 5,
  hours: 4,
  rate: 200,
  browserRate: 15,
  outageMinutes: 60,
  phones: 4,
  headlessPhones: 6,
  seed: 0,
  embedded: false,
  databaseUrl:
    process.env.DRILL_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test',
  staticDir: 'dist',
  reportDir: 'drill-report',
  convergeMs: 10_000,
  quiet: false,
};

const NUMERIC = [
  'minutes',
  'hours',
  'rate',
  'browserRate',
  'outageMinutes',
  'phones',
  'headlessPhones',
  'seed',
] as const;

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const USAGE = `npm run drill -- [options]
  --minutes N          wall-clock minutes for the day (default ${DEFAULTS.minutes})
  --hours N            shop hours the day covers (default ${DEFAULTS.hours})
  --rate N             orders per shop hour, all phones (default ${DEFAULTS.rate})
  --browser-rate N     of those, orders per shop hour through Chromium screens (default ${DEFAULTS.browserRate})
  --outage-minutes N   shop minutes the server is gone (default ${DEFAULTS.outageMinutes})
  --phones N           customer browser contexts alive at once (default ${DEFAULTS.phones})
  --headless-phones N  background phones running the client code (default ${DEFAULTS.headlessPhones})
  --seed N             replay a run (printed at the start of each run)
  --embedded           PGlite in a temporary DATA_DIR instead of PostgreSQL
  --database-url URL   PostgreSQL to create the run's database on (default $DRILL_DATABASE_URL,
                       $TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
  --static-dir DIR     the built PWA (default dist; built when missing)
  --report-dir DIR     where the report goes (default drill-report)`;

export function parseOptions(argv: string[], base: Partial<DrillOptions> = {}): DrillOptions {
  const o: DrillOptions = { ...DEFAULTS, seed: randomSeed(), ...base };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--embedded') o.embedded = true;
    else if (arg === '--quiet') o.quiet = true;
    else if (arg === '--database-url') o.databaseUrl = value();
    else if (arg === '--static-dir') o.staticDir = value();
    else if (arg === '--report-dir') o.reportDir = value();
    else {
      const key = NUMERIC.find((k) => `--${kebab(k)}` === arg);
      if (!key) throw new Error(`unknown option ${arg}\n${USAGE}`);
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${arg} must be a number ≥ 0`);
      o[key] = n;
    }
  }
  if (o.outageMinutes >= o.hours * 60) throw new Error('the outage must be shorter than the day');
  if (o.browserRate > o.rate) o.rate = o.browserRate;
  if (o.phones < 1) o.phones = 1;
  return o;
}
