import { useState } from 'react';
import { useSingleFlight } from './useSingleFlight';

/**
 * Runs a form's action once at a time and keeps its error text, so every form shows failures the
 * same way and no double tap sends twice.
 */
export function useAsyncAction() {
  const flight = useSingleFlight();
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const run = (action: () => Promise<string | void>) =>
    flight.run(async () => {
      setError(null);
      setInfo(null);
      try {
        const done = await action();
        if (done) setInfo(done);
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
      }
    });
  return { busy: flight.busy, error, info, run };
}
