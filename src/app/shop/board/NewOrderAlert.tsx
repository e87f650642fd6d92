import { useEffect } from 'react';
import { useT } from '../../../i18n';
import { localOrderLabel } from '../../useOrderLabels';
import { useLive } from '../../useDeviceSync';
import type { ShopPanelProps } from '../panel';
import type { Schedule } from '../../../domain/schedule';
import { RE_ALERT_MINUTES_DEFAULT } from '../../../domain/orderAlerts';
import { useNow } from '../../../ui/useNow';
import { acknowledge, overdueOrders, ringingOrders, snooze, waitingOrders } from './alerts';
import {
  armChime,
  armedEarlier,
  playUrgentChime,
  resumeChimeOnFirstGesture,
  startRinging,
  useChimeState,
} from './chime';
import './board.css';
import { Fragment } from 'react';
import { Msg, UserText } from '../../../ui/UserText';

/** Often enough that a busy kitchen hears it, with room between chimes to talk on the phone. */
const RING_EVERY_MS = 3000;
/** An order left waiting (#17): twice as often — it is no longer news, it is a customer at the counter. */
const URGENT_EVERY_MS = 1500;
/** How soon after its minutes an order starts the louder ring: a quarter of a minute at most. */
const CHECK_EVERY_MS = 15_000;

/**
 * Rings for new orders on whichever console screen is open: a loud chime every few seconds and a
 * flashing banner until someone on this tablet acknowledges them. Shows the button that arms the
 * sound, since a browser plays nothing before a tap.
 */
export function NewOrderAlert({ sync, onShow }: ShopPanelProps & { onShow: () => void }) {
  const { lang, t } = useT();
  const db = sync?.db;
  const ringing = useLive(db, ringingOrders, 'ringing');
  const waiting = useLive(db, waitingOrders, 'waiting');
  const schedule = useLive(db, async (d) => (await d.getMeta<Schedule>('schedule')) ?? null, 'schedule');
  const now = useNow(CHECK_EVERY_MS);
  const sound = useChimeState();
  // Issue #17: orders still waiting after the shop's minutes ring again, louder, acknowledged or not.
  const reAlertMinutes = schedule?.reAlertMinutes ?? RE_ALERT_MINUTES_DEFAULT;
  const overdue = waiting ? overdueOrders(waiting, now, reAlertMinutes) : [];
  const urgent = overdue.length > 0;
  const shown = urgent ? overdue : (ringing ?? []);
  const count = shown.length;
  const hasNew = count > 0;

  useEffect(() => resumeChimeOnFirstGesture(), []);
  // Re-armed when the sound comes on, so an order waiting before the tap rings at once.
  useEffect(
    () =>
      hasNew && sound === 'on'
        ? urgent
          ? startRinging(URGENT_EVERY_MS, playUrgentChime)
          : startRinging(RING_EVERY_MS)
        : undefined,
    [hasNew, urgent, sound],
  );

  if (!db) return null;
  const show = () => {
    void acknowledge(
      db,
      (ringing ?? []).map((o) => o.id),
    );
    // Silenced for another N minutes only: still unanswered then, it rings louder again.
    if (urgent)
      void snooze(
        db,
        overdue.map((o) => o.id),
        new Date(),
      );
    onShow();
  };
  return (
    <>
      {hasNew && (
        <div
          className={urgent ? 'new-order-alert new-order-alert-urgent' : 'new-order-alert'}
          role="alert"
          data-ringing="true"
          data-urgent={urgent ? 'true' : undefined}
        >
          <p className="new-order-alert-title">
            {urgent
              ? t('bdAlertOverdue', { n: count, minutes: reAlertMinutes })
              : t('bdAlertNew', { n: count })}
          </p>
          <ul className="plain-list">
            {shown.slice(0, 3).map((o) => (
              <li key={o.id}>
                {localOrderLabel(o, lang)} ·{' '}
                <Msg
                  text={t('bdAlertWho')}
                  user={{ name: o.view?.customerName || o.view?.customerPhone || '—' }}
                  vars={{
                    items: (o.view?.lines ?? []).map((l, i) => (
                      <Fragment key={i}>
                        {i > 0 && ', '}
                        <UserText>{l.name}</UserText> × {l.quantity}
                      </Fragment>
                    )),
                  }}
                />
              </li>
            ))}
          </ul>
          <button type="button" onClick={show}>
            {t('bdAlertAck')}
          </button>
        </div>
      )}
      {sound === 'off' && (
        <div className="sound-arm">
          <span>{t(armedEarlier() ? 'bdSoundResume' : 'bdSoundOff')}</span>
          <button type="button" className="secondary" onClick={() => void armChime()}>
            {t('bdSoundArm')}
          </button>
        </div>
      )}
      {sound === 'unsupported' && <p className="sound-arm muted">{t('bdSoundUnsupported')}</p>}
    </>
  );
}
