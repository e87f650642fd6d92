import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from '../../src/server/buildApp';
import { configFromEnv, type Config } from '../../src/server/config';
import { seedDemoShop } from '../../src/server/seed/seedDemo';
import { migrate } from '../../src/server/storage/migrate';
import type { Storage } from '../../src/server/storage/types';
import type { TestDriver } from './drivers';
import { ALWAYS_OPEN } from './syncWorld';

export interface LiveServer {
  url: string;
  app: FastifyInstance;
  storage: Storage;
  close(): Promise<void>;
}

/** The real server with the built PWA and the demo shop, on a loopback port, for browser tests. */
export async function startLiveServer(
  driver: TestDriver,
  overrides: Partial<Config> = {},
  /** Build options beyond the config, e.g. the transfer sweeper's clock (#16). */
  build: Pick<BuildOptions, 'transferSweep'> = {},
): Promise<LiveServer> {
  // STATIC_DIR lets parallel work build into its own folder (vite build --outDir dist-x).
  const staticDir = process.env.STATIC_DIR ?? 'dist';
  if (!existsSync(`${staticDir}/index.html`))
    throw new Error('Run `npm run build` first: browser tests use the built app.');
  const storage = await driver.open();
  await migrate(storage);
  await seedDemoShop(storage);
  // Open around the clock, so a browser test can order "now" whatever hour it runs.
  await storage.query('update shops set hours = $1, lead_minutes = 0', [JSON.stringify(ALWAYS_OPEN)]);
  const config = { ...configFromEnv({}), staticDir, ...overrides };
  const app = await buildApp({ storage, config, logger: false, ...build });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    storage,
    async close() {
      await app.close();
      await storage.close();
    },
  };
}
