import { useT } from '../../../i18n';
import type { ShopPanelProps } from '../panel';

export function SalesPanel(_props: ShopPanelProps) {
  const { t } = useT();
  return <h2>{t('tabSales')}</h2>;
}
