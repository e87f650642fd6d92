import { describe, expect, it } from 'vitest';
import { markUpdateWaiting, updateStore } from '../../src/pwa/updateStore';

describe('the update prompt store', () => {
  it('starts with no update waiting, turns on once, and never turns itself off', () => {
    expect(updateStore.getState().waiting).toBe(false);
    let told = 0;
    const stop = updateStore.subscribe(() => told++);
    markUpdateWaiting();
    expect(updateStore.getState().waiting).toBe(true);
    // workbox-window says "waiting" again after register() when a worker already waited: one prompt.
    markUpdateWaiting();
    expect(updateStore.getState().waiting).toBe(true);
    expect(told).toBe(1);
    stop();
  });
});
