import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorMessage } from '../../src/protocol/errors';
import { pickLang } from '../../src/protocol/lang';
import { fillPath, routes } from '../../src/protocol/routes';
import { PROTOCOL_VERSION, protocolVerdict } from '../../src/protocol/version';
import { SettingsPatch, SignupRequest, Username } from '../../src/protocol/schemas';
import { ko } from '../../src/i18n/ko';
import { en } from '../../src/i18n/en';
import { consoleMessages } from '../../src/i18n/shop/console';

describe('protocol', () => {
  it('picks Korean unless the caller prefers English', () => {
    expect(pickLang(undefined)).toBe('ko');
    expect(pickLang('fr-FR,fr;q=0.9')).toBe('ko');
    expect(pickLang('en-US,en;q=0.9,ko;q=0.8')).toBe('en');
    expect(pickLang('ko-KR,ko;q=0.9,en;q=0.8')).toBe('ko');
    expect(pickLang(['de', 'en-GB'])).toBe('en');
  });

  it('every error code has a Korean and an English message', () => {
    for (const code of ERROR_CODES) {
      expect(errorMessage(code, 'ko'), code).toMatch(/[가-힣]/);
      expect(errorMessage(code, 'en'), code).toMatch(/[A-Za-z]/);
    }
  });

  it('every screen text exists in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    expect(Object.keys(consoleMessages.en).sort()).toEqual(Object.keys(consoleMessages.ko).sort());
  });

  it('reads the protocol header strictly: old clients reload, newer ones retry', () => {
    expect(protocolVerdict(String(PROTOCOL_VERSION))).toBe('ok');
    expect(protocolVerdict('0')).toBe('too_old');
    expect(protocolVerdict(String(PROTOCOL_VERSION + 1))).toBe('unsupported');
    for (const bad of ['1e1', ' 1', '1.0', '0x1', '', '-1', '+1', '１'])
      expect(protocolVerdict(bad), bad).toBe('unsupported');
  });

  it('fills path parameters URL-encoded', () => {
    expect(fillPath(routes.publicShop.path, { slug: 'a b' })).toBe('/api/shops/a%20b');
  });

  it('route paths are unique per method', () => {
    const keys = Object.values(routes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('normalises user names (NFC, lower case) so 직원 typed two ways is one name', () => {
    expect(Username.parse('Staff')).toBe('staff');
    expect(Username.parse('직원'.normalize('NFD'))).toBe('직원');
    expect(Username.safeParse('has space').success).toBe(false);
  });

  it('request schemas refuse unknown fields and empty patches', () => {
    expect(
      SignupRequest.safeParse({
        shopName: 'a',
        slug: 'abc',
        username: 'ab',
        password: '12345678',
        isAdmin: true,
      }).success,
    ).toBe(false);
    expect(SettingsPatch.safeParse({}).success).toBe(false);
    expect(
      SettingsPatch.safeParse({ hours: [[], [], [], [], [], [], [{ open: '10:00', close: '10:00' }]] })
        .success,
    ).toBe(false);
    expect(SettingsPatch.safeParse({ timeZone: 'Asia/Seoul' }).success).toBe(true);
  });
});
