import { useState, type FormEvent } from 'react';
import { call } from '../../../client/api';
import { useT } from '../../../i18n';
import type { RouteResponse } from '../../../protocol/routes';
import { Alert } from '../../../ui/Alert';
import { Field } from '../../../ui/Field';
import { useAsyncAction } from '../../../ui/useAsyncAction';
import { useLoader } from '../../../ui/useLoader';

type Settings = RouteResponse<'settings'>;

export function SettingsPanel() {
  const { lang, t } = useT();
  const [loaded] = useLoader(() => call('settings', { lang }), 'settings');
  if (loaded.state === 'loading') return <p className="loading">{t('loading')}</p>;
  if (loaded.state === 'failed') return <Alert error={loaded.error.message} />;
  return <SettingsForm initial={loaded.data} />;
}

function SettingsForm({ initial }: { initial: Settings }) {
  const { lang, t } = useT();
  const [form, setForm] = useState({
    name: initial.name,
    phone: initial.phone,
    address: initial.address,
    notice: initial.notice,
  });
  const { busy, error, info, run } = useAsyncAction();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const saved = await call('updateSettings', { lang, body: form });
      setForm({ name: saved.name, phone: saved.phone, address: saved.address, notice: saved.notice });
      return t('saved');
    });
  }

  return (
    <form onSubmit={submit} aria-labelledby="settings-title">
      <h2 id="settings-title">{t('tabSettings')}</h2>
      <Field label={t('settingsName')} value={form.name} onChange={set('name')} required maxLength={60} />
      <Field
        label={t('settingsPhone')}
        value={form.phone}
        onChange={set('phone')}
        type="tel"
        maxLength={20}
      />
      <Field label={t('settingsAddress')} value={form.address} onChange={set('address')} maxLength={200} />
      <Field label={t('settingsNotice')} value={form.notice} onChange={set('notice')} maxLength={500} />
      <Alert error={error} info={info} />
      <button type="submit" disabled={busy}>
        {t('save')}
      </button>
    </form>
  );
}
