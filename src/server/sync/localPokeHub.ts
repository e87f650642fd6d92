import type { PokeEvent, PokeHub } from './pokeHub';

type Listener = (event: PokeEvent) => void;

/** Pokes within one process: the embedded PGlite, and the fan-out step of the PostgreSQL hub. */
export class LocalPokeHub implements PokeHub {
  readonly #byShop = new Map<string, Set<Listener>>();
  #closed = false;

  publish(event: PokeEvent): void {
    const listeners = this.#byShop.get(event.shopId);
    if (!listeners) return;
    // A copy, so a listener that unsubscribes (or subscribes another) mid-delivery changes nothing now.
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // One broken stream must not keep the shop's other devices from hearing the poke.
      }
    }
  }

  subscribe(shopId: string, listener: Listener): () => void {
    if (this.#closed) return () => {};
    let listeners = this.#byShop.get(shopId);
    if (!listeners) this.#byShop.set(shopId, (listeners = new Set()));
    // Wrapped, so the same function subscribed twice is two subscriptions with separate unsubscribes.
    const entry: Listener = (event) => listener(event);
    listeners.add(entry);
    return () => {
      listeners.delete(entry);
      if (listeners.size === 0 && this.#byShop.get(shopId) === listeners) this.#byShop.delete(shopId);
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#byShop.clear();
  }
}
