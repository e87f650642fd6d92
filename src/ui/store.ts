import { useStore as useZustandStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * The only module that imports zustand (DESIGN.md: each platform library behind one module of our
 * own). Client state that is not in IndexedDB — location, session, sound, update prompt, sync status,
 * language — lives in small stores made here, one per concern; data stays in Dexie.
 */
export { createStore };
export type { StoreApi };

/** What a store's owner hands out when only it may change the state. */
export type ReadableStore<S> = Pick<StoreApi<S>, 'getState' | 'subscribe'>;

/**
 * Per store, the same store whose "initial" state is its current one. React asks for a server
 * snapshot when it renders outside a browser (tests use renderToStaticMarkup); zustand would answer
 * with the state the store was created with, so a test that switched the language would still render
 * the first one. The hand-rolled stores this replaced answered with the current state; so does this.
 */
type AsOfNow<S> = Pick<StoreApi<S>, 'getState' | 'getInitialState' | 'subscribe'>;
const views = new WeakMap<object, unknown>();

function asOfNow<S>(store: ReadableStore<S>): AsOfNow<S> {
  let view = views.get(store) as AsOfNow<S> | undefined;
  if (!view) {
    // Made once per store: a new object each render would be a new store to React.
    view = { getState: store.getState, getInitialState: store.getState, subscribe: store.subscribe };
    views.set(store, view);
  }
  return view;
}

/** The part of a store's state a component shows; re-renders when that part changes (Object.is). */
export function useStore<S, U>(store: ReadableStore<S>, select: (state: S) => U): U {
  return useZustandStore(asOfNow(store), select);
}
