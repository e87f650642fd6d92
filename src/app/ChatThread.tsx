import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { chatOrder } from '../client/chatOrder';
import type { ClientDb, LocalMessage } from '../client/db';
import { enqueue } from '../client/outbox';
import { useT } from '../i18n';
import { errorMessage, isErrorCode } from '../protocol/errors';
import type { Lang } from '../protocol/lang';
import { MAX_MESSAGE_LENGTH } from '../protocol/sync';
import { Alert } from '../ui/Alert';
import { navigate } from './router';
import { useLive } from './useDeviceSync';
import { useOrderLabels } from './useOrderLabels';
import { UserText } from '../ui/UserText';
import { typed } from '../ui/typed';

export interface ChatThreadProps {
  db: ClientDb;
  /**
   * The conversation: the customer's device. Null on the customer's own phone, whose database holds
   * only its own conversation (and whose unsent messages carry no device id: it may not know it yet).
   */
  deviceId: string | null;
  me: 'customer' | 'shop';
  /** New messages are about this order. */
  orderId?: string | null;
  /** How an order a message is about is named; "Order #abcd1234" by default. */
  orderLabel?: (orderId: string) => string;
  /** Where an order a message is about can be opened; without it the order is only named. */
  orderHref?: (orderId: string) => string;
  /** Opens an order a message is about in place (the shop's inbox); takes precedence over orderHref. */
  onOrderOpen?: (orderId: string) => void;
  /** A message went into the outbox: the caller kicks sync. */
  onSent: () => void;
}

function conversation(db: ClientDb, deviceId: string | null): Promise<LocalMessage[]> {
  const rows =
    deviceId === null ? db.messages.toArray() : db.messages.where('deviceId').equals(deviceId).toArray();
  return rows.then((r) => r.sort(chatOrder));
}

function timeOf(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const locale = lang === 'ko' ? 'ko-KR' : 'en-GB';
  const time = d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (d.toDateString() === new Date().toDateString()) return time;
  return `${d.toLocaleDateString(locale, { month: 'short', day: 'numeric' })} ${time}`;
}

/** One conversation between a customer's device and the shop: the messages, then a box to write in. */
export function ChatThread({
  db,
  deviceId,
  me,
  orderId = null,
  orderLabel,
  orderHref,
  onOrderOpen,
  onSent,
}: ChatThreadProps) {
  const { t } = useT();
  const messages = useLive(db, (d) => conversation(d, deviceId), `chat:${deviceId ?? ''}`);
  const log = useRef<HTMLDivElement>(null);
  const newest = messages?.[messages.length - 1];
  // Scroll only when a message arrives (a new last one), not when one's state changes.
  const newestKey = newest ? `${newest.id}:${messages?.length}` : '';
  useEffect(() => {
    const el = log.current;
    if (el && newestKey) el.scrollTop = el.scrollHeight;
  }, [newestKey]);

  const labelOf = useOrderLabels(db, messages?.flatMap((m) => (m.orderId ? [m.orderId] : [])) ?? []);
  const label = orderLabel ?? ((id: string) => t('chatOrderRef', { label: labelOf(id) }));
  return (
    <div className="chat">
      <div
        ref={log}
        role="log"
        aria-live="polite"
        aria-label={t('chatConversation')}
        className="chat-log"
        // A scrolling region must be reachable by keyboard.
        tabIndex={0}
      >
        {messages && messages.length === 0 && <p className="muted chat-empty">{t('chatEmpty')}</p>}
        <ol className="chat-list">
          {messages?.map((m) => (
            <ChatBubble
              key={m.id}
              message={m}
              me={me}
              orderLabel={label}
              orderHref={orderHref}
              onOrderOpen={onOrderOpen}
            />
          ))}
        </ol>
      </div>
      <ChatForm db={db} deviceId={deviceId} me={me} orderId={orderId} onSent={onSent} />
    </div>
  );
}

function ChatBubble({
  message: m,
  me,
  orderLabel,
  orderHref,
  onOrderOpen,
}: {
  message: LocalMessage;
  me: 'customer' | 'shop';
  orderLabel: (orderId: string) => string;
  orderHref?: (orderId: string) => string;
  onOrderOpen?: (orderId: string) => void;
}) {
  const { lang, t } = useT();
  const mine = m.author === me;
  const author = mine ? t('chatMe') : t(m.author === 'shop' ? 'chatShop' : 'chatCustomer');
  const href = m.orderId && orderHref ? orderHref(m.orderId) : null;
  return (
    <li className={mine ? 'chat-message chat-mine' : 'chat-message chat-theirs'} data-author={m.author}>
      <p className="chat-meta">
        <span className="chat-author">{author}</span>{' '}
        <time dateTime={m.createdAt}>{timeOf(m.createdAt, lang)}</time>
        {m.orderId && (
          <>
            {' '}
            {onOrderOpen ? (
              <button type="button" className="link chat-order" onClick={() => onOrderOpen(m.orderId!)}>
                {orderLabel(m.orderId)}
              </button>
            ) : href ? (
              <a
                className="chat-order"
                href={href}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(href);
                }}
              >
                {orderLabel(m.orderId)}
              </a>
            ) : (
              <span className="chat-order">{orderLabel(m.orderId)}</span>
            )}
          </>
        )}
      </p>
      <p className="chat-body">
        <UserText>{m.body}</UserText>
      </p>
      {mine && <MessageState message={m} />}
    </li>
  );
}

/** Own messages only: "sending" until the server has answered (S12), never more than is true. */
function MessageState({ message: m }: { message: LocalMessage }) {
  const { lang, t } = useT();
  if (m.version !== null || m.state === 'sent')
    return (
      <p className="chat-state" data-state="sent">
        {t('chatSent')}
      </p>
    );
  if (m.state === 'refused') {
    const reason = isErrorCode(m.code) ? errorMessage(m.code, lang) : (m.code ?? '');
    return (
      <p className="chat-state chat-refused" data-state="refused">
        {t('chatRefused', { reason })}
      </p>
    );
  }
  return (
    <p className="chat-state" data-state="sending">
      {t('chatSending')}
    </p>
  );
}

function ChatForm({
  db,
  deviceId,
  me,
  orderId,
  onSent,
}: {
  db: ClientDb;
  deviceId: string | null;
  me: 'customer' | 'shop';
  orderId: string | null;
  onSent: () => void;
}) {
  const { lang, t } = useT();
  const id = useId();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The shop answers a named device; a customer writes only in its own conversation.
  const canSend = me === 'customer' || deviceId !== null;
  const empty = body.trim().length === 0;

  async function send() {
    if (busy || empty || !canSend) return;
    setBusy(true);
    setError(null);
    // Cleared at once: whatever is typed while this one is being queued belongs to the next message.
    const text = body;
    setBody('');
    try {
      await enqueue(db, 'sendMessage', {
        messageId: crypto.randomUUID(),
        ...(me === 'shop' && deviceId ? { deviceId } : {}),
        orderId,
        body: text,
      });
      onSent();
    } catch {
      // Only malformed input can fail here (the outbox parses as the server will); the text comes back.
      setBody(text);
      setError(errorMessage('invalid_input', lang));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void send();
  }

  // Enter is a new line (a message may have several); Ctrl/⌘+Enter sends from the keyboard.
  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  }

  return (
    <form className="chat-form" onSubmit={onSubmit}>
      <label htmlFor={id}>{t('chatMessage')}</label>
      <textarea
        id={id}
        value={body}
        maxLength={MAX_MESSAGE_LENGTH}
        rows={3}
        aria-describedby={`${id}-count`}
        onChange={(e) => setBody(typed(e))}
        onKeyDown={onKeyDown}
      />
      <div className="row">
        <small id={`${id}-count`} className="hint">
          {t('chatCount', { n: body.length, max: MAX_MESSAGE_LENGTH })}
        </small>
        <button type="submit" disabled={busy || empty || !canSend}>
          {t('chatSend')}
        </button>
      </div>
      <Alert error={error} />
    </form>
  );
}
