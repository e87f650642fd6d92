import { useSyncExternalStore } from 'react';
import { pickLang, type Lang } from '../protocol/lang';
import { en } from './en';
import { ko, type MessageKey } from './ko';

const dictionaries: Record<Lang, Record<MessageKey, string>> = { ko, en };
const STORAGE_KEY = 'dangol.lang';

function initialLang(): Lang {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (saved === 'ko' || saved === 'en') return saved;
  return pickLang(typeof navigator === 'undefined' ? undefined : navigator.languages);
}

let current: Lang = initialLang();
const listeners = new Set<() => void>();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  listeners.forEach((l) => l());
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** The current language and a translator bound to it; re-renders when the language changes. */
export function useT() {
  const lang = useSyncExternalStore(subscribe, getLang, getLang);
  return { lang, t: (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars) };
}

export type { MessageKey };
