import { useState } from 'react';
import { useT } from '../../../i18n';
import type { ShopPanelProps } from '../panel';
import { PhoneOrderForm } from './PhoneOrderForm';
import { SmsImport } from './SmsImport';
import { useIntakeData } from './useIntakeData';
import { useNow } from '../../../ui/useNow';
import './intake.css';

type Mode = 'phone' | 'sms';

/**
 * "주문 입력": orders that do not come through the customer's app — a phone call, a customer at the
 * counter, or a customer's order texted while their phone could not reach the server. All of it
 * from this tablet's own database, so it works offline; each becomes an ordinary order.
 */
export function IntakePanel({ me, sync }: ShopPanelProps) {
  const { t } = useT();
  const now = useNow();
  const data = useIntakeData(sync?.db, me.shop.slug, now);
  const [mode, setMode] = useState<Mode>('phone');
  return (
    <section aria-labelledby="intake-title">
      <h2 id="intake-title">{t('tabIntake')}</h2>
      <div role="group" aria-label={t('intakeModes')} className="row intake-modes">
        {(['phone', 'sms'] as const).map((m) => (
          <button
            key={m}
            type="button"
            className={mode === m ? undefined : 'secondary'}
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
          >
            {t(m === 'phone' ? 'intakeModePhone' : 'intakeModeSms')}
          </button>
        ))}
      </div>
      {!data ? (
        <p className="muted">{t('intakeNoSchedule')}</p>
      ) : mode === 'phone' ? (
        <PhoneOrderForm data={data} now={now} />
      ) : (
        <SmsImport data={data} now={now} slug={me.shop.slug} />
      )}
    </section>
  );
}
