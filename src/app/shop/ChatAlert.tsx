import { useEffect, useRef } from 'react';
import type { ClientDb } from '../../client/db';
import { useT } from '../../i18n';
import { useLive } from '../useDeviceSync';
import { playChatChime } from './board/chime';
import { conversationName, inbox, openChat, type Conversation } from './chats';
import { Msg } from '../../ui/UserText';
import './chatAlert.css';

/** How much of a message the banner quotes. */
const PREVIEW_CHARS = 40;

/** The conversations with customer messages nobody on this tablet has opened, from the live inbox. */
export function useUnreadChats(db: ClientDb | undefined): Conversation[] | undefined {
  const conversations = useLive(db, inbox, 'chat-inbox');
  return conversations?.filter((c) => c.unread > 0);
}

/**
 * A customer wrote: on whichever console screen is open, a banner says who and the start of what
 * they wrote, with "보기" to open the thread, and a soft chime sounds once per new message (if the
 * sound is on). Opening the thread marks it read, which ends both.
 */
export function ChatAlert({
  unread,
  onShow,
}: {
  /** From useUnreadChats: the console reads it once for the tab's count and this banner. */
  unread: Conversation[] | undefined;
  onShow: () => void;
}) {
  const { t } = useT();
  const newest = Math.max(0, ...(unread ?? []).map((c) => c.lastUnread?.version ?? 0));
  const heard = useRef<number | null>(null);

  useEffect(() => {
    if (unread === undefined) return;
    // What was already waiting when the console opened is shown, not rung: only a new arrival rings.
    if (heard.current !== null && newest > heard.current) playChatChime();
    heard.current = Math.max(heard.current ?? 0, newest);
  }, [unread, newest]);

  if (!unread || unread.length === 0) return null;
  const total = unread.reduce((n, c) => n + c.unread, 0);
  return (
    <div className="chat-alert" role="status" aria-label={t('chatAlertLabel')} data-unread={total}>
      <p className="chat-alert-title">{t('chatAlertTitle', { n: total })}</p>
      <ul className="plain-list">
        {unread.slice(0, 3).map((c) => {
          const name = conversationName(c, t);
          const body = c.lastUnread?.body ?? '';
          // By code points: an emoji is never cut in half.
          const chars = [...body];
          const text = chars.length > PREVIEW_CHARS ? `${chars.slice(0, PREVIEW_CHARS).join('')}…` : body;
          return (
            <li key={c.deviceId}>
              <span className="chat-alert-text">
                <Msg text={t('chatAlertWho')} user={{ name, text }} />
              </span>
              <button
                type="button"
                aria-label={t('chatAlertOpenLabel', { name })}
                onClick={() => {
                  openChat(c.deviceId);
                  onShow();
                }}
              >
                {t('chatAlertOpen')}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
