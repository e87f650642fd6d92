import { useEffect } from 'react';
import { useT } from '../../../i18n';
import { localOrderLabel } from '../../useOrderLabels';
import { useLive } from '../../useDeviceSync';
import type { ShopPanelProps } from '../panel';
import { acknowledge, ringingOrders } from './alerts';
import { armChime, armedEarlier, resumeChimeOnFirstGesture, startRinging, useChimeState } from './chime';
import './board.css';
import { Fragment } from 'react';
import { Msg, UserText } from '../../../ui/UserText';

/** Often enough that a busy kitchen hears it, with room between chimes to talk on the phone. */
const RING_EVERY_MS = 3000;

/**
 * Rings for new orders on whichever console screen is open: a loud chime every few seconds and a
 * flashing banner until someone on this tablet acknowledges them. Shows the button that arms the
 * sound, since a browser plays nothing before a tap.
 */
export function NewOrderAlert({ sync, onShow }: ShopPanelProps & { onShow: () => void }) {
  const { lang, t } = useT();
  const db = sync?.db;
  const ringing = useLive(db, ringingOrders, 'ringing');
  const sound = useChimeState();
  const count = ringing?.length ?? 0;
  const hasNew = count > 0;

  useEffect(() => resumeChimeOnFirstGesture(), []);
  // Re-armed when the sound comes on, so an order waiting before the tap rings at once.
  useEffect(() => (hasNew && sound === 'on' ? startRinging(RING_EVERY_MS) : undefined), [hasNew, sound]);

  if (!db) return null;
  const show = () => {
    void acknowledge(
      db,
      (ringing ?? []).map((o) => o.id),
    );
    onShow();
  };
  return (
    <>
      {hasNew && (
        <div className="new-order-alert" role="alert" data-ringing="true">
          <p className="new-order-alert-title">{t('bdAlertNew', { n: count })}</p>
          <ul className="plain-list">
            {(ringing ?? []).slice(0, 3).map((o) => (
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
