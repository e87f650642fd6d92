import { useState } from 'react';
import { Dialog } from '../../../ui/Dialog';
import type { ClientDb } from '../../../client/db';
import { enqueue } from '../../../client/outbox';
import { shopLocalDate } from '../../../domain/hours';
import type { Schedule } from '../../../domain/schedule';
import { busyMinutes, isPaused } from '../../../domain/shopStatus';
import { useT, type MessageKey } from '../../../i18n';
import type { MutationInput } from '../../../protocol/sync';
import { formatShopTime } from '../../dates';
import { useLive } from '../../useDeviceSync';

const BUSY_CHOICES = [15, 30] as const;
const PAUSE_CHOICES = [30, 60] as const;

/** Where the shop stands for new orders, in one line, by the server's copy of the schedule. */
function statusLine(
  schedule: Schedule,
  now: Date,
  lang: 'ko' | 'en',
  t: (k: MessageKey, v?: Record<string, string | number>) => string,
) {
  const closed = schedule.closedDates.includes(shopLocalDate(now, schedule.timeZone));
  if (closed) return t('ssClosedToday');
  if (isPaused(schedule, now)) {
    const until = schedule.pause?.until;
    return until
      ? t('ssPausedUntil', { time: formatShopTime(until, schedule.timeZone, lang) })
      : t('ssPaused');
  }
  const busy = busyMinutes(schedule, now);
  return busy > 0 ? t('ssBusy', { min: busy }) : t('ssOpen');
}

/**
 * The counter's levers for a rush (#17): busy (+15/+30 min on every promise today), pause new orders
 * (30 min, an hour, until reopened), close today. Each is a setShopStatus mutation through the outbox,
 * so a tap works offline and reaches the server once; the line shows the server's state, and says
 * when a change is still on its way (customers see it only once it arrives).
 */
export function ShopStatusControls({ db, schedule, now }: { db: ClientDb; schedule: Schedule; now: Date }) {
  const { lang, t } = useT();
  const [open, setOpen] = useState(false);
  const sending = useLive(
    db,
    (d) => d.outbox.toArray().then((all) => all.filter((e) => e.name === 'setShopStatus').length),
    'outbox',
  );
  const paused = isPaused(schedule, now);
  const busy = busyMinutes(schedule, now);
  const closed = schedule.closedDates.includes(shopLocalDate(now, schedule.timeZone));
  const normal = !paused && busy === 0 && !closed;
  return (
    <div className="row shop-status">
      <p role="status" className={normal ? 'shop-status-line' : 'shop-status-line shop-status-alert'}>
        {statusLine(schedule, now, lang, t)}
        {(sending ?? 0) > 0 && <span className="muted"> · {t('ssSending')}</span>}
      </p>
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('ssChange')}
      </button>
      {open && (
        <StatusDialog
          paused={paused}
          busy={busy}
          closed={closed}
          onChange={(args) => void enqueue(db, 'setShopStatus', args)}
          onClose={() => setOpen(false)}
          now={now}
        />
      )}
    </div>
  );
}

function StatusDialog({
  paused,
  busy,
  closed,
  onChange,
  onClose,
  now,
}: {
  paused: boolean;
  busy: number;
  closed: boolean;
  onChange: (args: MutationInput<'setShopStatus'>) => void;
  onClose: () => void;
  now: Date;
}) {
  const { t } = useT();
  const [confirmClose, setConfirmClose] = useState(false);
  // Each choice is sent at once; the dialog closes by unmounting (onClose), like its close button.
  const send = (args: MutationInput<'setShopStatus'>) => {
    onChange(args);
    onClose();
  };
  const later = (min: number) => new Date(now.getTime() + min * 60_000).toISOString();
  return (
    <Dialog
      title={t('ssTitle')}
      className="shop-status-dialog"
      onClose={onClose}
      closeLabel={t('bdRejectClose')}
    >
      <p className="muted">{t('ssLead')}</p>
      <fieldset>
        <legend>{t('ssBusyLegend')}</legend>
        <div className="row">
          {BUSY_CHOICES.map((min) => (
            <button
              key={min}
              type="button"
              aria-pressed={busy === min}
              onClick={() => send({ busyMinutes: min })}
            >
              {t('ssBusyPlus', { min })}
            </button>
          ))}
          {busy > 0 && (
            <button type="button" className="secondary" onClick={() => send({ busyMinutes: 0 })}>
              {t('ssBusyOff')}
            </button>
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('ssPauseLegend')}</legend>
        <div className="row">
          {paused ? (
            <button type="button" onClick={() => send({ pause: false })}>
              {t('ssResume')}
            </button>
          ) : (
            <>
              {PAUSE_CHOICES.map((min) => (
                <button key={min} type="button" onClick={() => send({ pause: { until: later(min) } })}>
                  {t('ssPauseFor', { min })}
                </button>
              ))}
              <button type="button" onClick={() => send({ pause: { until: null } })}>
                {t('ssPauseUntilReopened')}
              </button>
            </>
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('ssCloseLegend')}</legend>
        <div className="row">
          {closed ? (
            <button type="button" onClick={() => send({ closedToday: false })}>
              {t('ssReopenToday')}
            </button>
          ) : confirmClose ? (
            <>
              <button type="button" className="danger" onClick={() => send({ closedToday: true })}>
                {t('ssCloseConfirm')}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirmClose(false)}>
                {t('ssCloseCancel')}
              </button>
            </>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirmClose(true)}>
              {t('ssCloseToday')}
            </button>
          )}
        </div>
      </fieldset>
    </Dialog>
  );
}
