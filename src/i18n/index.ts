import { pickLang, type Lang } from '../protocol/lang';
import { createStore, useStore, type ReadableStore } from '../ui/store';
import { ko, type MessageKey } from './ko';

/** The words every screen may need; a screen's chunk adds its own with addMessages. */
const dictionaries: Record<Lang, Partial<Record<MessageKey, string>>> = { ko: { ...ko }, en: {} };

let english: Promise<void> | undefined;
let englishReady = false;

/**
 * English's base words come as a chunk of their own: most of a Korean shop's customers never read
 * them, and the customer's first load has a budget (120 KiB). Called before the first render
 * (main.tsx) and by setLang; the service worker precaches the chunk, so it loads offline too.
 */
export function loadLang(lang: Lang): Promise<void> {
  if (lang === 'ko' || englishReady) return Promise.resolve();
  english ??= import('./en').then(({ en }) => {
    // Words a screen's chunk registered already (addMessages) stay on top of the base words.
    dictionaries.en = { ...en, ...dictionaries.en };
    englishReady = true;
  });
  return english;
}

/** Adds a chunk's words (e.g. the console's) when that chunk loads, before any of its screens render. */
export function addMessages(m: { ko: Record<string, string>; en: Record<string, string> }): void {
  Object.assign(dictionaries.ko, m.ko);
  Object.assign(dictionaries.en, m.en);
}
const STORAGE_KEY = 'dangol.lang';

function initialLang(): Lang {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (saved === 'ko' || saved === 'en') return saved;
  return pickLang(typeof navigator === 'undefined' ? undefined : navigator.languages);
}

/** The language every screen speaks. Changed only by setLang, which also remembers it on the device. */
const store = createStore<{ lang: Lang }>(() => ({ lang: initialLang() }));
export const langStore: ReadableStore<{ lang: Lang }> = store;

export function getLang(): Lang {
  return langStore.getState().lang;
}

export function setLang(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  // Switch once the words are here, so no screen shows keys in between.
  if (lang === 'ko' || englishReady) store.setState({ lang });
  else void loadLang(lang).then(() => store.setState({ lang }));
}

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  // A word English lacks (its chunk not here yet) reads in Korean; a key no chunk registered shows as itself.
  return (dictionaries[lang][key] ?? dictionaries.ko[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) =>
    String(vars[k] ?? `{${k}}`),
  );
}

/** The current language and a translator bound to it; re-renders when the language changes. */
export function useT() {
  const lang = useStore(langStore, (s) => s.lang);
  return { lang, t: (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars) };
}

export type { MessageKey };
