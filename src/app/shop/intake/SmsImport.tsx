import { useId, useState, type ChangeEvent } from 'react';
import { enqueue } from '../../../client/outbox';
import { useT } from '../../../i18n';
import { localOrderLabel } from '../../useOrderLabels';
import { errorMessage } from '../../../protocol/errors';
import type { HandoffOrder } from '../../../protocol/handoff';
import { Alert } from '../../../ui/Alert';
import { HandoffPreview } from './HandoffPreview';
import { orderProblem } from './orderChecks';
import { readQrFromImage } from './qrCamera';
import { QrScanner } from './QrScanner';
import { SavedOrder } from './SavedOrder';
import { readHandoff } from './smsCode';
import type { IntakeData } from './useIntakeData';

type Notice = { error: string } | { info: string } | null;

/**
 * Importing a customer's "send by text message" hand-off: paste the message (or the code), or read
 * its QR from the camera or a photo; the decoded order is shown for confirmation and created with
 * the CUSTOMER'S order id, so when the phone syncs later the server keeps one order (S1).
 */
export function SmsImport({ data, now, slug }: { data: IntakeData; now: Date; slug: string }) {
  const { lang, t } = useT();
  const { db } = data;
  const textId = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<HandoffOrder | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Whether this tablet already holds the order: imported before, or the phone got through meanwhile. */
  const known = (orderId: string) => db.orders.get(orderId);

  async function read(raw: string) {
    setFound(null);
    setSaved(null);
    setNotice(null);
    const r = readHandoff(raw, { shopSlug: slug, catalogue: data.catalogue });
    if (!r.ok)
      return setNotice({
        error: r.problem === 'menu_missing' ? t('smsMenuMissing') : errorMessage(r.problem, lang),
      });
    const had = await known(r.order.orderId);
    if (had) return setNotice({ info: t('smsAlready', { label: localOrderLabel(had, lang) }) });
    setFound(r.order);
  }

  async function create(order: HandoffOrder) {
    setBusy(true);
    try {
      const had = await known(order.orderId);
      if (had) {
        setFound(null);
        return setNotice({ info: t('smsAlready', { label: localOrderLabel(had, lang) }) });
      }
      // The clock may have moved on while the person read the preview.
      const problem = orderProblem(new Date(), order, data);
      if (problem) return setNotice({ error: t('smsCannotCreate', { reason: errorMessage(problem, lang) }) });
      const { shopSlug: _slug, ...args } = order;
      await enqueue(db, 'placeOrder', args);
      setFound(null);
      setText('');
      setNotice(null);
      setSaved(order.orderId);
    } finally {
      setBusy(false);
    }
  }

  async function photo(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const qr = await readQrFromImage(file);
    if (qr === null) return setNotice({ error: t('smsPhotoNone') });
    setText(qr);
    await read(qr);
  }

  return (
    <section aria-labelledby="sms-title" className="intake-sms">
      <h3 id="sms-title">{t('intakeModeSms')}</h3>
      {saved && <SavedOrder db={db} orderId={saved} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void read(text);
        }}
      >
        <div className="field">
          <label htmlFor={textId}>{t('smsPaste')}</label>
          <textarea
            id={textId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={8}
            aria-describedby={`${textId}-hint`}
            spellCheck={false}
          />
          <small id={`${textId}-hint`} className="hint">
            {t('smsPasteHint')}
          </small>
        </div>
        <div className="row">
          <button type="submit" disabled={text.trim() === ''}>
            {t('smsRead')}
          </button>
          <label className="button secondary intake-file">
            {t('smsPhoto')}
            <input type="file" accept="image/*" onChange={(e) => void photo(e)} />
          </label>
        </div>
      </form>
      <QrScanner
        onText={(qr) => {
          setText(qr);
          void read(qr);
        }}
      />
      <Alert
        error={notice && 'error' in notice ? notice.error : null}
        info={notice && 'info' in notice ? notice.info : null}
      />
      {found && (
        <HandoffPreview
          order={found}
          data={data}
          now={now}
          busy={busy}
          onCreate={() => void create(found)}
          onDiscard={() => setFound(null)}
        />
      )}
    </section>
  );
}
