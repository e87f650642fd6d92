import { useSyncExternalStore } from 'react';
import type { RouteResponse } from '../../protocol/routes';

/** Who is signed in on this tablet; `undefined` until the server has been asked. */
export type Me = RouteResponse<'me'>;
let me: Me | null | undefined;
const listeners = new Set<() => void>();

export function setMe(next: Me | null): void {
  me = next;
  listeners.forEach((l) => l());
}

export function useMe(): Me | null | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => me,
  );
}
