import { useState } from 'react';

/**
 * Runs a form's action once at a time and keeps its error text, so every form shows failures the
 * same way and no double tap sends twice.
 */
export function useAsyncAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  async function run(action: () => Promise<string | void>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setInfo(null);
    try {
      const done = await action();
      if (done) setInfo(done);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, info, run };
}
