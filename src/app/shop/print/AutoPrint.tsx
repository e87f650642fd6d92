import type { ShopPanelProps } from '../panel';

/** Prints newly accepted orders when this tablet is set to (print/ owns it). */
export function AutoPrint(_props: ShopPanelProps) {
  return null;
}
