import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The language is kept in localStorage and set on <html>, which Node has not.
const saved = new Map<string, string>();
const html: { lang?: string } = {};
beforeAll(() => {
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => saved.get(k) ?? null,
    setItem: (k: string, v: string) => saved.set(k, v),
  });
  vi.stubGlobal('document', { documentElement: html });
});
afterAll(() => vi.unstubAllGlobals());

describe('the language store', () => {
  it('starts in the language the device remembers', async () => {
    saved.set('dangol.lang', 'en');
    vi.resetModules();
    const { getLang } = await import('../../src/i18n');
    expect(getLang()).toBe('en');
  });

  it('setLang switches, remembers it on the device and on <html>, and tells every subscriber once', async () => {
    vi.resetModules();
    const { getLang, langStore, setLang, translate } = await import('../../src/i18n');
    const heard: string[] = [];
    const stop = langStore.subscribe((s) => heard.push(s.lang));
    setLang('ko');
    expect(getLang()).toBe('ko');
    expect(saved.get('dangol.lang')).toBe('ko');
    expect(html.lang).toBe('ko');
    setLang('en');
    // Setting the language it already has changes nothing a screen shows.
    setLang('en');
    expect(getLang()).toBe('en');
    stop();
    setLang('ko');
    expect(heard).toEqual(['ko', 'en', 'en']);
    expect(translate('en', 'updateReload')).not.toBe('updateReload');
  });
});
