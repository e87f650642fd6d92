import { useState } from 'react';
import { can, type Permission } from '../../domain/roles';
import { call } from '../../client/api';
import { useT, type MessageKey } from '../../i18n';
import { LangSwitch } from '../../ui/LangSwitch';
import { SyncBanner } from '../SyncBanner';
import { useDeviceSync } from '../useDeviceSync';
import { Board } from './board/Board';
import { NewOrderAlert } from './board/NewOrderAlert';
import { ChatAlert, useUnreadChats } from './ChatAlert';
import { ChatInbox } from './ChatInbox';
import { DeliveryPanel } from './delivery/DeliveryPanel';
import { IntakePanel } from './intake/IntakePanel';
import { MenuPanel } from './menu/MenuPanel';
import type { ShopPanelProps } from './panel';
import { PasswordPanel } from './PasswordPanel';
import { AutoPrint } from './print/AutoPrint';
import { ReservationsPanel } from './reservations/ReservationsPanel';
import { SalesPanel } from './sales/SalesPanel';
import { setMe, type Me } from './session';
import { SettingsPanel } from './settings/SettingsPanel';
import { StaffPanel } from './StaffPanel';
import { VouchersPanel } from './vouchers/VouchersPanel';
import { UserText } from '../../ui/UserText';

interface TabDef {
  id: string;
  label: MessageKey;
  /** Shown to whoever holds this permission; undefined: to every member. */
  needs?: Permission;
  Panel: (props: ShopPanelProps) => React.ReactNode;
}

const TABS: TabDef[] = [
  { id: 'orders', label: 'tabOrders', needs: 'orders.handle', Panel: Board },
  { id: 'intake', label: 'tabIntake', needs: 'orders.handle', Panel: IntakePanel },
  { id: 'reservations', label: 'tabReservations', needs: 'orders.handle', Panel: ReservationsPanel },
  { id: 'chats', label: 'tabChats', needs: 'orders.handle', Panel: ChatInbox },
  { id: 'delivery', label: 'tabDelivery', needs: 'orders.handle', Panel: DeliveryPanel },
  { id: 'menu', label: 'tabMenu', Panel: MenuPanel },
  { id: 'sales', label: 'tabSales', needs: 'sales.read', Panel: SalesPanel },
  { id: 'vouchers', label: 'tabVouchers', needs: 'vouchers.redeem', Panel: VouchersPanel },
  { id: 'staff', label: 'tabStaff', needs: 'staff.manage', Panel: StaffPanel },
  { id: 'settings', label: 'tabSettings', needs: 'settings.edit', Panel: SettingsPanel },
  { id: 'password', label: 'tabPassword', Panel: PasswordPanel },
];

export function Console({ me, unverified = false }: { me: Me; unverified?: boolean }) {
  const { lang, t } = useT();
  const tabs = TABS.filter((x) => !x.needs || can(me.user.role, x.needs));
  const [tabId, setTabId] = useState(tabs[0]!.id);
  const tab = tabs.find((x) => x.id === tabId) ?? tabs[0]!;
  // One database and one sync loop for the whole console: switching screens never pauses sync.
  const sync = useDeviceSync(`shop-${me.shop.id}`, { kind: 'shop' });
  const chats = useUnreadChats(sync?.db);
  const unreadChats = (chats ?? []).reduce((n, c) => n + c.unread, 0);

  async function logout() {
    await call('logout', { lang, body: {} }).catch(() => {});
    setMe(null);
  }

  return (
    <>
      <header className="console-header">
        <div>
          <h1>
            <UserText>{me.shop.name}</UserText>
          </h1>
          <p className="muted">
            {t('signedInAs', {
              user: me.user.username,
              role: t(me.user.role === 'owner' ? 'roleOwner' : 'roleStaff'),
            })}
          </p>
        </div>
        <div className="row">
          <LangSwitch />
          <button type="button" className="secondary" onClick={() => void logout()}>
            {t('logout')}
          </button>
        </div>
      </header>
      <NewOrderAlert me={me} sync={sync} onShow={() => setTabId('orders')} />
      <ChatAlert unread={chats} onShow={() => setTabId('chats')} />
      <AutoPrint me={me} sync={sync} />
      <nav aria-label={t('consoleNav')} className="tabs">
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            aria-current={tab.id === x.id ? 'page' : undefined}
            onClick={() => setTabId(x.id)}
          >
            {x.id === 'chats' && unreadChats > 0 ? (
              // Named by the hidden words ("문의, 안 읽은 메시지 2건"), seen as the label and a red count.
              <>
                <span aria-hidden="true">{t(x.label)}</span>
                <span className="tab-count" aria-hidden="true">
                  {unreadChats}
                </span>
                <span className="visually-hidden">{t('chatTabUnread', { n: unreadChats })}</span>
              </>
            ) : (
              t(x.label)
            )}
          </button>
        ))}
      </nav>
      <main className="page">
        {unverified && (
          // Opened from the device: the server has not confirmed the sign-in yet (it is asked again
          // with backoff, when the network returns and when the tablet is looked at).
          <p role="status" className="banner" data-session="unverified">
            {t('sessionUnverified')}
          </p>
        )}
        <SyncBanner sync={sync} />
        <tab.Panel me={me} sync={sync} />
      </main>
    </>
  );
}
