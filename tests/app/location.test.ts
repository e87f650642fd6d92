import { describe, expect, it } from 'vitest';
import { createLocationStore, type LocationWindow } from '../../src/app/location';

/** A window with an address bar and a history, enough for the store; back() fires popstate. */
function fakeWindow(start: string) {
  const split = (url: string) => {
    const i = url.indexOf('#');
    return i < 0 ? { pathname: url, hash: '' } : { pathname: url.slice(0, i), hash: url.slice(i) };
  };
  const entries = [start];
  let popstate: (() => void) | undefined;
  const win = {
    location: split(start),
    history: {
      pushState: (_: unknown, __: string, url?: string | URL | null) => {
        entries.push(String(url));
        win.location = split(String(url));
      },
    },
    addEventListener: (type: string, l: () => void) => {
      if (type === 'popstate') popstate = l;
    },
  };
  const back = () => {
    entries.pop();
    win.location = split(entries[entries.length - 1]!);
    popstate?.();
  };
  return { win: win as unknown as LocationWindow, back };
}

describe('the location store', () => {
  it('starts where the address bar is, path and hash', () => {
    const { win } = fakeWindow('/s/uri-banchan/o/42#secret');
    expect(createLocationStore(win).getState().path).toBe('/s/uri-banchan/o/42#secret');
  });

  it('navigate adds a history entry and tells subscribers; back (popstate) returns', () => {
    const { win, back } = fakeWindow('/s/uri-banchan');
    const store = createLocationStore(win);
    const seen: string[] = [];
    store.subscribe((l) => seen.push(l.path));
    store.navigate('/s/uri-banchan/cart');
    expect(store.getState().path).toBe('/s/uri-banchan/cart');
    back();
    expect(store.getState().path).toBe('/s/uri-banchan');
    expect(seen).toEqual(['/s/uri-banchan/cart', '/s/uri-banchan']);
  });

  it('going to where it already is tells nobody', () => {
    const { win } = fakeWindow('/shop');
    const store = createLocationStore(win);
    let told = 0;
    store.subscribe(() => told++);
    store.navigate('/shop');
    expect(told).toBe(0);
  });
});
