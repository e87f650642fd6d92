import { readFileSync } from 'node:fs';
import { configFromEnv } from '../config';
import { migrate } from '../storage/migrate';
import { openStorage } from '../storage/open';
import { parseBackup, restoreShop, RestoreRefused, type RestoreSummary } from './restore';

/**
 * `npm run restore -- <backup.json>`: puts a shop backed up from the console (매출 → 가게 전체 백업)
 * into this installation — the database the server would use (DATABASE_URL, or the embedded one
 * under DATA_DIR). With the embedded database, stop the server first: one process at a time.
 */
async function main(args: string[]): Promise<number> {
  const file = args.find((a) => a !== '--');
  if (!file) {
    console.error('Usage: npm run restore -- <dangol-backup.json>');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`Cannot read ${file}: ${(err as Error).message}`);
    return 1;
  }
  // The file is checked before the database is even opened: a wrong file changes nothing.
  const backup = parseBackup(text);
  const config = configFromEnv();
  const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(storage);
    const summary = await restoreShop(storage, backup);
    const where = storage.driver === 'pglite' ? `the embedded database (${config.dataDir})` : 'PostgreSQL';
    console.log(report(summary, where, backup.exportedAt));
    return 0;
  } finally {
    await storage.close();
  }
}

function report(s: RestoreSummary, where: string, exportedAt: string): string {
  const counts = Object.entries(s.rows)
    .map(([table, n]) => `    ${table.padEnd(20)} ${n}`)
    .join('\n');
  const skipped = s.skipped.map((x) => `    ${x.table}: ${x.rows} not restored (${x.reason})`).join('\n');
  return [
    `Restored shop "${s.shop.name}" (${s.shop.slug}, id ${s.shop.id}) into ${where}.`,
    `  Backup made ${exportedAt}; shop version ${s.shop.version}.`,
    `  Rows restored:`,
    counts,
    ...(skipped ? ['  Left out:', skipped] : []),
    `  Start the server (npm start); everyone signs in with the same user names and passwords.`,
  ].join('\n');
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof RestoreRefused) console.error(`Not restored: ${err.message}`);
  else console.error(err);
  process.exitCode = 1;
}
