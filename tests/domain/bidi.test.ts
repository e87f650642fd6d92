import { describe, expect, it } from 'vitest';
import { balanceIsolates, FSI, isolate, PDI } from '../../src/domain/bidi';

const RLO = '\u202E';

describe('isolating typed text for plain-text outputs', () => {
  it('wraps text between FSI and PDI and leaves ordinary text as it is', () => {
    expect(isolate('김민지')).toBe(`${FSI}김민지${PDI}`);
    expect(balanceIsolates(`소불고기 ${RLO}gnirts`)).toBe(`소불고기 ${RLO}gnirts`);
  });

  it('drops a PDI of the text that would close the isolate early', () => {
    expect(isolate(`a${PDI}${RLO}b`)).toBe(`${FSI}a${RLO}b${PDI}`);
    expect(balanceIsolates(`${FSI}x${PDI}${PDI}y`)).toBe(`${FSI}x${PDI}y`);
  });

  it('closes an isolate the text leaves open, so ours is the one our PDI ends', () => {
    expect(isolate(`\u2067abc`)).toBe(`${FSI}\u2067abc${PDI}${PDI}`);
  });
});
