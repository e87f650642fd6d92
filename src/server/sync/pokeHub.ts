/**
 * S8: after a commit, the shop's devices are poked — told only "version V exists" — and pull.
 * Who is poked follows S13: shop members on every change; a customer device only when the change
 * touches its own orders (`deviceIds`) or everyone's data (`public`: catalogue, settings).
 */
export interface PokeEvent {
  shopId: string;
  version: number;
  /** Customer devices whose orders changed. */
  deviceIds: string[];
  /** A change every customer of the shop may see (menu, sold-out, schedule). */
  public: boolean;
  /**
   * Only the named devices need to hear of it: an order's receipt, recorded because a shop device
   * pulled. Poking the shop for it would only send that device to pull again, in a loop.
   */
  devicesOnly?: boolean;
}

/** Who is listening: a shop member (sees all changes) or one customer device. */
export type Audience = { kind: 'shop' } | { kind: 'device'; deviceId: string };

export function reaches(event: PokeEvent, audience: Audience): boolean {
  if (audience.kind === 'shop') return !event.devicesOnly;
  return event.public || event.deviceIds.includes(audience.deviceId);
}

export interface PokeHub {
  /** Called after the transaction committed. Must not throw: a lost poke is healed by the periodic pull. */
  publish(event: PokeEvent): void;
  /** Listens to one shop's pokes in this process (from any process, for PostgreSQL). */
  subscribe(shopId: string, listener: (event: PokeEvent) => void): () => void;
  close(): Promise<void>;
}
