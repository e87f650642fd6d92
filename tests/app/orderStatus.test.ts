import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OrderStatus } from '../../src/app/OrderStatus';
import { newLocalOrder, type LocalOrder } from '../../src/client/db';
import { errorMessage } from '../../src/protocol/errors';
import { setLang } from '../../src/i18n';

// The language is kept in localStorage and set on <html>, which Node has not.
beforeAll(() => {
  const store = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
  });
  vi.stubGlobal('document', { documentElement: {} });
});
afterAll(() => vi.unstubAllGlobals());

const refused = (code: string): LocalOrder => ({
  ...newLocalOrder('a26f86c2-a88c-4fc5-bc7d-2a96ec3f9d28', 0),
  rejection: { code, name: 'placeOrder' as const },
});

describe("a phone's order the shop took by text message but no phone may claim", () => {
  it('says the shop received it and to call, never that it was not accepted', () => {
    for (const lang of ['ko', 'en'] as const) {
      setLang(lang);
      const html = renderToStaticMarkup(
        createElement(OrderStatus, { order: refused('handoff_claim_refused') }),
      );
      expect(html).toContain(errorMessage('handoff_claim_refused', lang));
      expect(html).not.toMatch(/접수되지 않았습니다|not accepted/);
    }
    // Any other refusal still says the order was not accepted, and why.
    setLang('en');
    const soldOut = renderToStaticMarkup(createElement(OrderStatus, { order: refused('sold_out') }));
    expect(soldOut).toContain('Your order was not accepted');
  });
});
