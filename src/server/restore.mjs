// `npm run restore -- <backup.json>`: restores a shop's backup into this installation's database
// (see backup/cli.ts). Runs the TypeScript sources directly, like start.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./backup/cli.ts');
