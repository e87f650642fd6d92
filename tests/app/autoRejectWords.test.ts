import { describe, expect, it } from 'vitest';
import { boardStatusKey } from '../../src/app/shop/board/statusWords';
import { customerStateKey } from '../../src/app/orderWords';
import { AUTO_REJECT_REASON } from '../../src/domain/orderAlerts';
// The console's words, as its chunk registers them when it loads.
import '../../src/app/shop/consoleMessages';
import { translate } from '../../src/i18n';

describe('an order the server declined because nobody answered (issue #17)', () => {
  const auto = {
    status: 'rejected' as const,
    fulfilment: 'pickup' as const,
    slot: null,
    cancelReason: AUTO_REJECT_REASON,
  };

  it('the shop reads on the card that it was declined automatically and the customer told', () => {
    expect(translate('ko', boardStatusKey(auto))).toBe(
      '자동 거절됨 — 제때 접수하지 않아 서버가 거절하고 손님에게 알렸어요',
    );
    expect(translate('en', boardStatusKey(auto))).toContain('Declined automatically');
    expect(boardStatusKey({ ...auto, cancelReason: null })).toBe('bdStatusRejected');
  });

  it('the customer reads why, in Korean and English, not an empty "declined: "', () => {
    expect(translate('ko', customerStateKey('rejected', auto))).toBe(
      '가게가 제때 주문을 확인하지 못해 자동으로 취소되었습니다. 급하시면 가게에 전화해 주세요.',
    );
    expect(translate('en', customerStateKey('rejected', auto))).toContain(
      'did not confirm your order in time',
    );
    expect(customerStateKey('rejected', { fulfilment: 'pickup', cancelReason: null })).toBe('stateRejected');
  });
});
