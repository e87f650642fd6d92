import { useEffect, useState } from 'react';

export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: Error };

/**
 * Loads data for a screen; re-runs when `key` changes. Each answer is stamped with the request it
 * answers, so "loading" is derived (no stale data shown for a new key) and late answers are ignored.
 */
export function useLoader<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  const request = `${attempt}:${key}`;
  const [answer, setAnswer] = useState<{ request: string; result: Loaded<T> } | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setAnswer({ request, result: { state: 'ready', data } }),
      (error: Error) => live && setAnswer({ request, result: { state: 'failed', error } }),
    );
    return () => {
      live = false;
    };
    // `load` is re-created each render; `request` says when it means something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  const result: Loaded<T> = answer?.request === request ? answer.result : { state: 'loading' };
  return [result, () => setAttempt((a) => a + 1)];
}
