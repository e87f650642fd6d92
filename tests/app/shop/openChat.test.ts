import { describe, expect, it } from 'vitest';
import { openChat, openChatStore } from '../../../src/app/shop/chats';

describe('which conversation the inbox shows', () => {
  it('starts on none; the banner or the inbox opens one, or closes it, and subscribers hear each', () => {
    expect(openChatStore.getState().deviceId).toBeNull();
    const seen: (string | null)[] = [];
    const stop = openChatStore.subscribe((s) => seen.push(s.deviceId));
    openChat('4deb9a');
    expect(openChatStore.getState().deviceId).toBe('4deb9a');
    openChat(null);
    stop();
    openChat('other');
    expect(seen).toEqual(['4deb9a', null]);
  });
});
