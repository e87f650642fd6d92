import { useState } from 'react';
import { call } from '../../client/api';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { useAsyncAction } from '../../ui/useAsyncAction';
import { useLoader } from '../../ui/useLoader';
import { isolate } from '../../domain/bidi';
import { UserText } from '../../ui/UserText';

export function StaffPanel() {
  const { lang, t } = useT();
  const [version, setVersion] = useState(0);
  const [loaded] = useLoader(() => call('staffList', { lang }), String(version));
  const [invite, setInvite] = useState<{ url: string; expiresAt: string } | null>(null);
  const { busy, error, info, run } = useAsyncAction();

  const createInvite = () => run(async () => setInvite(await call('createInvite', { lang, body: {} })));
  const remove = (id: string, name: string) =>
    run(async () => {
      if (!window.confirm(t('confirmRemove', { name: isolate(name) }))) return;
      await call('removeStaff', { lang, params: { userId: id } });
      setVersion((v) => v + 1);
    });
  const copy = (url: string) =>
    run(async () => {
      await navigator.clipboard.writeText(url);
      return t('copied');
    });

  return (
    <section aria-labelledby="staff-title">
      <h2 id="staff-title">{t('staffList')}</h2>
      {loaded.state === 'failed' && <Alert error={loaded.error.message} />}
      {loaded.state === 'ready' && (
        <ul className="plain-list">
          {loaded.data.staff.map((s) => (
            <li key={s.id} className="row">
              <span>
                <UserText>{s.username}</UserText> · {t(s.role === 'owner' ? 'roleOwner' : 'roleStaff')}
              </span>
              {s.role !== 'owner' && (
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() => void remove(s.id, s.username)}
                  aria-label={t('removeStaff', { name: s.username })}
                >
                  {t('remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" disabled={busy} onClick={() => void createInvite()}>
        {t('invite')}
      </button>
      {invite && (
        <div className="invite">
          <p>
            {t('inviteCreated', {
              date: new Date(invite.expiresAt).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB'),
            })}
          </p>
          <label>
            {t('inviteLink')}
            <input readOnly value={invite.url} onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" onClick={() => void copy(invite.url)}>
            {t('copy')}
          </button>
        </div>
      )}
      <Alert error={error} info={info} />
    </section>
  );
}
