import { loadLang } from '../../src/i18n';

/**
 * English is a chunk of its own in the app (i18n/index.ts loadLang, awaited before the first render);
 * tests that read or render English words get it the same way, once, before they run.
 */
await loadLang('en');
