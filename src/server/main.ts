import type { AddressInfo } from 'node:net';
import { buildApp } from './buildApp';
import { sweep } from './auth/rateLimit';
import { configFromEnv } from './config';
import { DEMO_SHOP } from './seed/demoMenu';
import { demoLoginStillValid, seedDemoShop } from './seed/seedDemo';
import { migrate } from './storage/migrate';
import { openStorage } from './storage/open';

const started = Date.now();
const config = configFromEnv();
const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrate(storage);
const seeded = config.seedDemo ? await seedDemoShop(storage) : false;
const app = await buildApp({ storage, config });
await app.listen({ port: config.port, host: config.host });

const { port } = app.server.address() as AddressInfo;
const base = config.publicUrl ?? `http://localhost:${port}`;
const [demo] = await storage.query<{ slug: string }>('select slug from shops where slug = $1', [
  DEMO_SHOP.slug,
]);
const lines = [
  '',
  `단골 Dangol — ready in ${((Date.now() - started) / 1000).toFixed(1)} s on ${storage.driver === 'pglite' ? `the embedded database (${config.dataDir})` : 'PostgreSQL'}${seeded ? ', demo shop created' : ''}`,
];
if (demo) lines.push(`  Customer link:  ${base}/s/${demo.slug}`);
lines.push(`  Shop console:   ${base}/shop`);
if (demo && (await demoLoginStillValid(storage))) {
  lines.push(
    `  Demo login:     shop ID "${DEMO_SHOP.slug}", user "${DEMO_SHOP.owner}", password "${DEMO_SHOP.password}"`,
  );
}
lines.push(`  Open a new shop: ${base}/`, '');
console.log(lines.join('\n'));

const sweeper = setInterval(() => void sweep(storage).catch(() => {}), 3_600_000);
sweeper.unref();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  // A stuck connection must not keep a restart waiting forever.
  setTimeout(() => process.exit(1), 10_000).unref();
  await app.close();
  await storage.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
