import { useState } from 'react';
import type { ClientDb } from '../../../client/db';
import { BOARD_LEAD_MINUTES, onBoardNow, sortByDue } from '../../../domain/dueTime';
import { isFinal, type OrderStatus } from '../../../domain/order';
import type { Schedule } from '../../../domain/schedule';
import { useT, type MessageKey } from '../../../i18n';
import { useNow } from '../../../ui/useNow';
import { useLive } from '../../useDeviceSync';
import type { ShopPanelProps } from '../panel';
import { useShopToday } from '../reservations/useShopToday';
import { ConflictNotices } from './ConflictNotices';
import { ShopStatusControls } from './ShopStatusControls';
import { OrderCard } from './OrderCard';
import { bySlot, finishedOrders, isPreorder, openOrders, ordersOn, viewsOf } from './queries';
import { useWakeLock, type WakeState } from './wakeLock';
import './board.css';

type BoardView = 'open' | 'today' | 'done';

/** Three columns for every kind (S10): to decide, in the kitchen, done and waiting or on the road. */
const COLUMNS: { id: string; statuses: readonly OrderStatus[]; label: MessageKey }[] = [
  { id: 'placed', statuses: ['placed'], label: 'bdColNew' },
  { id: 'accepted', statuses: ['accepted', 'confirmed'], label: 'bdColAccepted' },
  { id: 'ready', statuses: ['ready', 'outForDelivery'], label: 'bdColReady' },
];
/** One screenful of finished orders at a time: the history can be months long. */
const DONE_PAGE = 30;

const WAKE_TEXT: Record<WakeState, MessageKey | null> = {
  pending: null,
  held: 'bdWakeHeld',
  unsupported: 'bdWakeUnsupported',
  refused: 'bdWakeRefused',
};

const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The live order board, from the tablet's own database: new orders, those in progress and those
 * ready, as columns, each by due time (domain/dueTime); today's pre-orders and finished orders behind filters. New orders arrive by the
 * sync loop (S8 pokes), and every tap goes into the outbox, so the board works with the network down.
 */
export function Board({ me, sync }: ShopPanelProps) {
  const { t } = useT();
  const db = sync?.db;
  const wake = useWakeLock();
  const now = useNow();
  const schedule = useLive(db, async (d) => (await d.getMeta<Schedule>('schedule')) ?? null, 'schedule');
  const timeZone = schedule?.timeZone ?? deviceZone();
  const today = useShopToday(timeZone) ?? '';
  const open = useLive(db, openOrders, 'open');
  const todays = useLive(db, (d) => ordersOn(d, today), `day:${today}`);
  const [shown, setShown] = useState<BoardView>('open');

  const lead = schedule?.boardLeadMinutes;
  const allOpen = viewsOf(open);
  const openViews = allOpen.filter((o) => onBoardNow(o.view, now, timeZone, lead));
  const upcoming = allOpen.length - openViews.length;
  const preorders = viewsOf(todays)
    .filter((o) => isPreorder(o.view, timeZone))
    .sort((a, b) => bySlot(a.view, b.view));
  const waitingPreorders = preorders.filter((o) => !isFinal(o.view.status)).length;
  const loading = !db || open === undefined || todays === undefined || schedule === undefined;
  const card = (o: (typeof openViews)[number]) => (
    <OrderCard
      key={o.view.id}
      order={o.local}
      view={o.view}
      db={db!}
      shopName={me.shop.name}
      timeZone={timeZone}
      now={now}
    />
  );
  const views: [BoardView, string][] = [
    ['open', t('bdViewOpen', { n: openViews.length })],
    ['today', t('bdViewToday', { n: waitingPreorders })],
    ['done', t('bdViewDone')],
  ];
  const wakeText = WAKE_TEXT[wake];

  return (
    <section aria-labelledby="orders-title" aria-busy={loading} className="board" data-wake-lock={wake}>
      <div className="row board-top">
        <h2 id="orders-title">{t('tabOrders')}</h2>
        <div role="group" aria-label={t('bdViews')} className="row board-views">
          {views.map(([id, label]) => (
            <button
              key={id}
              type="button"
              className={shown === id ? undefined : 'secondary'}
              aria-pressed={shown === id}
              onClick={() => setShown(id)}
            >
              {label}
            </button>
          ))}
        </div>
        {wakeText && <p className="muted board-wake">{t(wakeText)}</p>}
        {db && schedule && <ShopStatusControls db={db} schedule={schedule} now={now} />}
      </div>
      {db && <ConflictNotices db={db} timeZone={timeZone} />}
      {loading ? (
        <p className="muted">{t('bdLoading')}</p>
      ) : shown === 'open' ? (
        openViews.length === 0 ? (
          <>
            <p className="muted">{t('noOrders')}</p>
            {upcoming > 0 && <Upcoming n={upcoming} lead={lead} />}
          </>
        ) : (
          <>
            <div className="board-columns">
              {COLUMNS.map((col) => {
                const orders = sortByDue(
                  openViews.filter((o) => col.statuses.includes(o.view.status)),
                  timeZone,
                  (o) => o.view,
                );
                return (
                  <section key={col.id} aria-labelledby={`col-${col.id}`} className="board-column">
                    <h3 id={`col-${col.id}`}>{t(col.label, { n: orders.length })}</h3>
                    {/* Where they will appear, said where the kitchen looks for them. */}
                    {col.id === 'accepted' && upcoming > 0 && <Upcoming n={upcoming} lead={lead} />}
                    {orders.length === 0 ? (
                      <p className="muted">{t('bdColEmpty')}</p>
                    ) : (
                      <ul className="plain-list">{orders.map(card)}</ul>
                    )}
                  </section>
                );
              })}
            </div>
          </>
        )
      ) : shown === 'today' ? (
        <section aria-labelledby="today-title">
          <h3 id="today-title">{t('bdTodayTitle')}</h3>
          <p className="muted">{t('bdTodayHint')}</p>
          {preorders.length === 0 ? (
            <p className="muted">{t('bdTodayNone')}</p>
          ) : (
            <ul className="plain-list board-grid">{preorders.map(card)}</ul>
          )}
        </section>
      ) : (
        <FinishedOrders db={db!} render={card} />
      )}
    </section>
  );
}

/** Confirmed pre-orders not yet due: said, so an owner never wonders where Wednesday's cake went. */
function Upcoming({ n, lead }: { n: number; lead: number | undefined }) {
  const { t } = useT();
  return <p className="muted board-upcoming">{t('bdUpcoming', { n, lead: lead ?? BOARD_LEAD_MINUTES })}</p>;
}

/** Finished orders, a page at a time, read only when this filter is open. */
function FinishedOrders({
  db,
  render,
}: {
  db: ClientDb;
  render: (o: ReturnType<typeof viewsOf>[number]) => React.ReactNode;
}) {
  const { t } = useT();
  const [limit, setLimit] = useState(DONE_PAGE);
  const done = useLive(db, (d) => finishedOrders(d, limit), `done:${limit}`);
  const list = viewsOf(done);
  return (
    <section aria-labelledby="done-title" aria-busy={done === undefined}>
      <h3 id="done-title">{t('bdDoneTitle')}</h3>
      <p className="muted">{t('bdDoneHint')}</p>
      {done && list.length === 0 && <p className="muted">{t('bdDoneNone')}</p>}
      <ul className="plain-list board-grid">{list.map(render)}</ul>
      {done && done.length === limit && (
        <button type="button" className="secondary" onClick={() => setLimit(limit + DONE_PAGE)}>
          {t('bdDoneMore')}
        </button>
      )}
    </section>
  );
}
