import { lazy, type LazyExoticComponent, type ReactNode } from 'react';

type Screen<P> = (props: P) => ReactNode;

/** React.lazy for a named export: the screen loads as its own chunk the first time it renders. */
export function lazyNamed<P, K extends string>(
  load: () => Promise<Record<K, Screen<P>>>,
  name: K,
): LazyExoticComponent<Screen<P>> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
