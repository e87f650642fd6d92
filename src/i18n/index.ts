import { pickLang, type Lang } from '../protocol/lang';
import { createStore, useStore, type ReadableStore } from '../ui/store';
import { en } from './en';
import { ko, type MessageKey } from './ko';

/** The words every screen may need; a screen's chunk adds its own with addMessages. */
const dictionaries: Record<Lang, Partial<Record<MessageKey, string>>> = { ko: { ...ko }, en: { ...en } };

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
  store.setState({ lang });
}

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  // A key whose chunk has not registered its words shows as the key, not as a crash.
  return (dictionaries[lang][key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) =>
    String(vars[k] ?? `{${k}}`),
  );
}

/** The current language and a translator bound to it; re-renders when the language changes. */
export function useT() {
  const lang = useStore(langStore, (s) => s.lang);
  return { lang, t: (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars) };
}

export type { MessageKey };
