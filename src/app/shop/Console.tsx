import { useState } from 'react';
import { can } from '../../domain/roles';
import { call } from '../../client/api';
import { useT, type MessageKey } from '../../i18n';
import { LangSwitch } from '../../ui/LangSwitch';
import { ChatInbox } from './ChatInbox';
import { MenuPanel } from './MenuPanel';
import { OrdersPanel } from './OrdersPanel';
import { PasswordPanel } from './PasswordPanel';
import { setMe, type Me } from './session';
import { SettingsPanel } from './SettingsPanel';
import { StaffPanel } from './StaffPanel';

type Tab = 'orders' | 'chats' | 'menu' | 'staff' | 'settings' | 'password';
const TABS: { id: Tab; label: MessageKey; visible: (me: Me) => boolean }[] = [
  { id: 'orders', label: 'tabOrders', visible: (me) => can(me.user.role, 'orders.handle') },
  { id: 'chats', label: 'tabChats', visible: (me) => can(me.user.role, 'orders.handle') },
  { id: 'menu', label: 'tabMenu', visible: () => true },
  { id: 'staff', label: 'tabStaff', visible: (me) => can(me.user.role, 'staff.manage') },
  { id: 'settings', label: 'tabSettings', visible: (me) => can(me.user.role, 'settings.edit') },
  { id: 'password', label: 'tabPassword', visible: () => true },
];

export function Console({ me }: { me: Me }) {
  const { lang, t } = useT();
  const [tab, setTab] = useState<Tab>('orders');
  const tabs = TABS.filter((x) => x.visible(me));

  async function logout() {
    await call('logout', { lang, body: {} }).catch(() => {});
    setMe(null);
  }

  return (
    <>
      <header className="console-header">
        <div>
          <h1>{me.shop.name}</h1>
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
      <nav aria-label={t('consoleNav')} className="tabs">
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            aria-current={tab === x.id ? 'page' : undefined}
            onClick={() => setTab(x.id)}
          >
            {t(x.label)}
          </button>
        ))}
      </nav>
      <main className="page">
        {tab === 'orders' && <OrdersPanel me={me} />}
        {tab === 'chats' && <ChatInbox me={me} />}
        {tab === 'menu' && <MenuPanel me={me} />}
        {tab === 'staff' && <StaffPanel />}
        {tab === 'settings' && <SettingsPanel />}
        {tab === 'password' && <PasswordPanel />}
      </main>
    </>
  );
}
