import { useEffect, useState } from 'react';

/**
 * Screen Wake Lock: the counter tablet must not go dark while the board is open, or a new order's
 * banner is never seen. The only module that touches navigator.wakeLock. The browser drops the lock
 * whenever the page is hidden, so it is asked for again each time the page becomes visible.
 */
export type WakeState = 'pending' | 'held' | 'unsupported' | 'refused';

interface Sentinel {
  released: boolean;
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}

type WakeNavigator = Navigator & { wakeLock?: { request(type: 'screen'): Promise<Sentinel> } };

/** Holds the screen on until the returned function is called; reports what happened through `onState`. */
export function keepScreenOn(onState: (s: WakeState) => void): () => void {
  const api = (navigator as WakeNavigator).wakeLock;
  if (!api) {
    onState('unsupported');
    return () => {};
  }
  let stopped = false;
  let sentinel: Sentinel | null = null;
  const acquire = async () => {
    if (stopped || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
    try {
      const s = await api.request('screen');
      if (stopped) return void s.release().catch(() => {});
      sentinel = s;
      onState('held');
      s.addEventListener('release', () => {
        if (!stopped) onState('pending');
      });
    } catch {
      // Refused: battery saver, a hidden page, or a policy. Tried again on the next visibility change or tap.
      if (!stopped) onState('refused');
    }
  };
  const onVisible = () => void acquire();
  document.addEventListener('visibilitychange', onVisible);
  document.addEventListener('pointerdown', onVisible, true);
  void acquire();
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', onVisible);
    document.removeEventListener('pointerdown', onVisible, true);
    void sentinel?.release().catch(() => {});
  };
}

/** The lock while the calling component is mounted, and its state for the screen to show. */
export function useWakeLock(): WakeState {
  const [state, setState] = useState<WakeState>('pending');
  useEffect(() => keepScreenOn(setState), []);
  return state;
}
