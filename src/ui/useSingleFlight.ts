import { useRef, useState } from 'react';

/**
 * Runs one action at a time. A second tap while the first is still writing is ignored even when it
 * lands before React re-renders (a double tap on a slow phone): a ref decides, not state. Without
 * this, "order" tapped twice made two orders, and "redeem all" twice took a voucher twice.
 */
export function useSingleFlight() {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<void>): Promise<void> {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await action();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }
  return { busy, run };
}
