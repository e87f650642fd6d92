import { createStore, type ReadableStore } from '../ui/store';

/** Where the app is: the address bar's path and hash ("/s/uri-banchan/o/<id>#<secret>"). */
export interface AppLocation {
  path: string;
}

/** The parts of a window the location store reads and listens to: a real one, or a test's. */
export type LocationWindow = Pick<Window, 'addEventListener'> & {
  location: Pick<Location, 'pathname' | 'hash'>;
  history: Pick<History, 'pushState'>;
};

export interface LocationStore extends ReadableStore<AppLocation> {
  /** Goes to `to` inside the app: a new history entry, no page load. */
  navigate(to: string): void;
}

/**
 * The location as a store: changed by navigate and by the browser's back and forward (popstate),
 * read back from the address bar each time, so a replaceState just before navigate is seen too.
 */
export function createLocationStore(win: LocationWindow): LocationStore {
  const here = () => ({ path: win.location.pathname + win.location.hash });
  const store = createStore<AppLocation>(here);
  const update = () => {
    const next = here();
    // The same place again (a hash-only back, a navigate to where we are) re-renders nothing.
    if (next.path !== store.getState().path) store.setState(next);
  };
  win.addEventListener('popstate', update);
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    navigate(to) {
      win.history.pushState(null, '', to);
      update();
    },
  };
}
