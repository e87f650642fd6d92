import type { ShopPanelProps } from '../panel';

/** Rings for new orders on whichever console screen is open (board/ owns it). */
export function NewOrderAlert(_props: ShopPanelProps & { onShow: () => void }) {
  return null;
}
