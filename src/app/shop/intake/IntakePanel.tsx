import { useT } from '../../../i18n';
import type { ShopPanelProps } from '../panel';

export function IntakePanel(_props: ShopPanelProps) {
  const { t } = useT();
  return <h2>{t('tabIntake')}</h2>;
}
