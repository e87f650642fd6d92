import { call } from '../../../client/api';
import { can } from '../../../domain/roles';
import { useT } from '../../../i18n';
import { Alert } from '../../../ui/Alert';
import { useLoader } from '../../../ui/useLoader';
import type { ShopPanelProps } from '../panel';
import { TodayDeliveries } from './TodayDeliveries';
import { ZonesEditor } from './ZonesEditor';

/** The 배달 tab: today's deliveries for everyone at the counter, the zones editor for the owner. */
export function DeliveryPanel(props: ShopPanelProps) {
  const { lang, t } = useT();
  const [loaded, retry] = useLoader(() => call('deliverySettings', { lang }), 'delivery');
  const settings = loaded.state === 'ready' ? loaded.data : null;
  return (
    <>
      <TodayDeliveries {...props} map={settings?.map} />
      {can(props.me.user.role, 'settings.edit') &&
        (loaded.state === 'failed' ? (
          <>
            <Alert error={loaded.error.message} />
            <button type="button" onClick={retry}>
              {t('retry')}
            </button>
          </>
        ) : (
          settings && <ZonesEditor initial={settings} />
        ))}
    </>
  );
}
