import type { DeviceSync } from '../useDeviceSync';
import type { Me } from './session';

/**
 * What every console screen gets: who is signed in, and this tablet's own database for the shop,
 * opened once by the console so the board, calendar, inbox and intake share one live copy that keeps
 * syncing whichever screen is open. `sync` is null for the first moments while it opens.
 */
export interface ShopPanelProps {
  me: Me;
  sync: DeviceSync | null;
}
