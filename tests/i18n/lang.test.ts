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

  it('English is its own chunk: setLang("en") switches once its words are here, never to bare keys', async () => {
    vi.resetModules();
    const { getLang, setLang, translate } = await import('../../src/i18n');
    setLang('ko');
    // Not loaded yet: a Korean word stands in rather than the key.
    expect(translate('en', 'updateReload')).toBe(translate('ko', 'updateReload'));
    setLang('en');
    expect(getLang()).toBe('ko');
    await vi.waitFor(() => expect(getLang()).toBe('en'));
    expect(translate('en', 'updateReload')).not.toBe(translate('ko', 'updateReload'));
  });

  it('setLang switches, remembers it on the device and on <html>, and tells every subscriber once', async () => {
    vi.resetModules();
    const { getLang, langStore, loadLang, setLang, translate } = await import('../../src/i18n');
    await loadLang('en');
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
