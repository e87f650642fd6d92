import { createStore, useStore, type ReadableStore } from '../ui/store';

/** Whether a new version of the app is installed and waits for the user to reload into it. */
export interface UpdateState {
  waiting: boolean;
}

const store = createStore<UpdateState>(() => ({ waiting: false }));
export const updateStore: ReadableStore<UpdateState> = store;

/**
 * A new service worker is installed and waits. Only ever false → true: the page reloads when the
 * update is applied, so the flag starts afresh. If another tab applies it first, this tab keeps the
 * prompt, because it still runs the old code.
 */
export function markUpdateWaiting(): void {
  if (!store.getState().waiting) store.setState({ waiting: true });
}

export function useUpdateWaiting(): boolean {
  return useStore(store, (s) => s.waiting);
}
