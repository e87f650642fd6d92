import { useT } from '../../../i18n';
import type { ShopPanelProps } from '../panel';

export function ReservationsPanel(_props: ShopPanelProps) {
  const { t } = useT();
  return <h2>{t('tabReservations')}</h2>;
}
