import { useMemo, useState, type FormEvent } from 'react';
import { TRANSFER_DEADLINE_MAX, TRANSFER_DEADLINE_MIN } from '../../../domain/transferDeadline';
import { AUTO_REJECT_MINUTES_MAX, RE_ALERT_MINUTES_MAX } from '../../../domain/orderAlerts';
import { ApiCallError, call } from '../../../client/api';
import { shopLocalDate } from '../../../domain/hours';
import { SLOT_MINUTES } from '../../../domain/shopSettings';
import { MAX_PER_ITEM_LIMIT, MAX_PER_ORDER_LIMIT } from '../../../domain/checkoutLimits';
import { useT } from '../../../i18n';
import { errorMessage } from '../../../protocol/errors';
import { useLoader } from '../../../ui/useLoader';
import type { ShopPanelProps } from '../panel';
import { setMe, type Me } from '../session';
import { ClosedDatesEditor } from './ClosedDatesEditor';
import {
  changes,
  fieldKey,
  problems,
  toDraft,
  type Draft,
  type FieldProblem,
  type Patch,
  type Settings,
} from './draft';
import { HoursEditor } from './HoursEditor';
import { Section, Select, TextArea, TextInput, Toggle } from './inputs';
import { shopLink, SlugDialog } from './SlugDialog';
import { timeZoneChoices } from './timeZones';
import './settings.css';

/**
 * The owner's settings, read and saved online only: they change what every customer is offered, so
 * the server checks and stores them at once rather than queueing them on one tablet. Offline, the
 * form says so and keeps what was typed.
 */
export function SettingsPanel({ me, sync }: ShopPanelProps) {
  const { lang, t } = useT();
  const [loaded, retry] = useLoader(() => call('settings', { lang }), 'settings');
  if (loaded.state === 'loading') return <p className="loading">{t('loading')}</p>;
  if (loaded.state === 'failed') {
    const offline = loaded.error instanceof ApiCallError && loaded.error.code === 'unavailable';
    return (
      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t('seTitle')}</h2>
        <p role="alert" className="alert alert-error">
          {offline ? t('seOfflineLoad') : loaded.error.message}
        </p>
        <button type="button" onClick={retry}>
          {t('seRetry')}
        </button>
      </section>
    );
  }
  return <SettingsForm initial={loaded.data} me={me} online={sync?.status.online ?? true} />;
}

type Status =
  { kind: 'saved' } | { kind: 'error'; message: string } | { kind: 'info'; message: string } | null;

function SettingsForm({ initial, me, online }: { initial: Settings; me: Me; online: boolean }) {
  const { lang, t } = useT();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [confirmSlug, setConfirmSlug] = useState<Patch | null>(null);
  const today = shopLocalDate(new Date(), draft.timeZone);
  const zones = useMemo(() => timeZoneChoices(draft.timeZone), [draft.timeZone]);
  const dirty = Object.keys(changes(saved, draft)).length > 0;

  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) => {
      setDraft((d) => ({ ...d, [key]: value }));
      setStatus((s) => (s?.kind === 'saved' ? null : s));
    };
  const err = (key: string) => errors.get(key) ?? null;

  function describe(p: FieldProblem): string {
    if (p.kind === 'required') return t('seRequired');
    if (p.kind === 'range') return t('seNumberRange', { min: p.min, max: p.max });
    return errorMessage(p.code, lang);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = problems(saved, draft, today);
    setErrors(new Map([...found].map(([k, p]) => [k, describe(p)])));
    if (found.size > 0) return setStatus({ kind: 'error', message: t('seCheckFields') });
    const patch = changes(saved, draft);
    if (Object.keys(patch).length === 0) return setStatus({ kind: 'info', message: t('seNothingChanged') });
    if (patch.slug !== undefined) return setConfirmSlug(patch);
    void save(patch);
  }

  async function save(patch: Patch) {
    if (busy) return;
    // Said before trying: the browser knows it is offline, and nothing typed is lost either way.
    if (!navigator.onLine) return setStatus({ kind: 'error', message: t('seOffline') });
    setBusy(true);
    setStatus(null);
    try {
      const next = await call('updateSettings', { lang, body: patch });
      setSaved(next);
      setDraft(toDraft(next));
      setErrors(new Map());
      setStatus({ kind: 'saved' });
      if (next.name !== me.shop.name || next.slug !== me.shop.slug)
        setMe({ ...me, shop: { ...me.shop, name: next.name, slug: next.slug } });
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'unavailable')
        setStatus({ kind: 'error', message: t('seOffline') });
      else if (error instanceof ApiCallError) {
        setErrors(new Map(error.fields.map((f) => [fieldKey(f), error.message])));
        setStatus({ kind: 'error', message: error.message });
      } else setStatus({ kind: 'error', message: String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="settings-form" onSubmit={submit} aria-labelledby="settings-title" noValidate>
      <h2 id="settings-title">{t('seTitle')}</h2>
      {!online && <p className="banner banner-offline">{t('seOffline')}</p>}

      <Section title={t('seBasics')}>
        <TextInput
          label={t('seName')}
          value={draft.name}
          onValue={set('name')}
          maxLength={60}
          required
          error={err('name')}
        />
        <TextInput
          label={t('seSlug')}
          value={draft.slug}
          onValue={(v) => set('slug')(v.trim().toLowerCase())}
          maxLength={40}
          autoCapitalize="none"
          spellCheck={false}
          hint={t('seSlugHint', { url: shopLink(draft.slug) })}
          error={err('slug')}
        />
        <TextInput
          label={t('sePhone')}
          type="tel"
          value={draft.phone}
          onValue={set('phone')}
          maxLength={20}
          error={err('phone')}
        />
        <TextArea
          label={t('seNotice')}
          value={draft.notice}
          onValue={set('notice')}
          maxLength={500}
          error={err('notice')}
        />
      </Section>

      <Section title={t('seHours')}>
        <p className="hint">{t('seHoursHint')}</p>
        <HoursEditor
          hours={draft.hours}
          onChange={set('hours')}
          errors={(day) => err(`hours.${day}`) ?? (day === 0 ? err('hours') : null)}
        />
      </Section>

      <Section title={t('seClosedDates')}>
        <ClosedDatesEditor
          dates={draft.closedDates}
          today={today}
          onChange={set('closedDates')}
          error={err('closedDates')}
        />
      </Section>

      <Section title={t('sePickup')}>
        <Toggle
          label={t('seTakePickup')}
          checked={draft.pickup}
          onChecked={set('pickup')}
          error={err('pickup')}
        />
        <Toggle
          label={t('seTakeDelivery')}
          checked={draft.delivery}
          onChecked={set('delivery')}
          error={err('delivery')}
        />
        <Select
          label={t('seSlotMinutes')}
          value={String(draft.slotMinutes)}
          onValue={(v) => set('slotMinutes')(Number(v))}
          error={err('slotMinutes')}
        >
          {[...new Set<number>([...SLOT_MINUTES, draft.slotMinutes])]
            .sort((a, b) => a - b)
            .map((n) => (
              <option key={n} value={n}>
                {t('seMinutes', { n })}
              </option>
            ))}
        </Select>
        <TextInput
          label={t('seSlotCapacity')}
          type="number"
          inputMode="numeric"
          min={1}
          value={draft.slotCapacity}
          onValue={set('slotCapacity')}
          hint={t('seSlotCapacityHint')}
          error={err('slotCapacity')}
        />
        <TextInput
          label={t('seLeadMinutes')}
          type="number"
          inputMode="numeric"
          min={0}
          value={draft.leadMinutes}
          onValue={set('leadMinutes')}
          hint={t('seLeadMinutesHint')}
          error={err('leadMinutes')}
        />
        <TextInput
          label={t('sePreorderDays')}
          type="number"
          inputMode="numeric"
          min={0}
          value={draft.preorderDays}
          onValue={set('preorderDays')}
          hint={t('sePreorderDaysHint')}
          error={err('preorderDays')}
        />
        <TextInput
          label={t('seBoardLead')}
          type="number"
          inputMode="numeric"
          min={0}
          value={draft.boardLeadMinutes}
          onValue={set('boardLeadMinutes')}
          hint={t('seBoardLeadHint')}
          error={err('boardLeadMinutes')}
        />
        <TextInput
          label={t('seNowCapacity')}
          type="number"
          inputMode="numeric"
          min={0}
          value={draft.nowCapacity}
          onValue={set('nowCapacity')}
          hint={t('seNowCapacityHint')}
          error={err('nowCapacity')}
        />
      </Section>

      <Section title={t('seOrderAlerts')}>
        <TextInput
          label={t('seReAlert')}
          type="number"
          inputMode="numeric"
          min={0}
          max={RE_ALERT_MINUTES_MAX}
          value={draft.reAlertMinutes}
          onValue={set('reAlertMinutes')}
          hint={t('seReAlertHint')}
          error={err('reAlertMinutes')}
        />
        <TextInput
          label={t('seAutoReject')}
          type="number"
          inputMode="numeric"
          min={0}
          max={AUTO_REJECT_MINUTES_MAX}
          value={draft.autoRejectMinutes}
          onValue={set('autoRejectMinutes')}
          hint={t('seAutoRejectHint')}
          error={err('autoRejectMinutes')}
        />
      </Section>

      <Section title={t('sePayment')}>
        <Toggle
          label={t('sePayAtPickup')}
          checked={draft.payAtPickup}
          onChecked={set('payAtPickup')}
          error={err('payAtPickup')}
        />
        <Toggle
          label={t('seBankTransfer')}
          checked={draft.bankTransfer}
          onChecked={set('bankTransfer')}
          error={err('bankTransfer')}
        />
        <TextInput
          label={t('seBankAccount')}
          value={draft.bankAccount}
          onValue={set('bankAccount')}
          maxLength={100}
          required={draft.bankTransfer}
          hint={t('seBankAccountHint')}
          error={err('bankAccount')}
        />
        <TextInput
          label={t('transferSetting')}
          type="number"
          inputMode="numeric"
          min={TRANSFER_DEADLINE_MIN}
          max={TRANSFER_DEADLINE_MAX}
          value={draft.transferDeadlineMinutes}
          onValue={set('transferDeadlineMinutes')}
          hint={t('transferSettingHint')}
          error={err('transferDeadlineMinutes')}
        />
      </Section>

      <Section title={t('seCheckoutRules')}>
        <Toggle
          label={t('sePauseWhenAway')}
          checked={draft.pauseWhenAway ?? false}
          onChecked={set('pauseWhenAway')}
          hint={t('sePauseWhenAwayHint')}
          error={err('pauseWhenAway')}
        />
        <Toggle
          label={t('seContactOptional')}
          checked={draft.contactOptionalForPickup ?? false}
          onChecked={set('contactOptionalForPickup')}
          hint={t('seContactOptionalHint')}
          error={err('contactOptionalForPickup')}
        />
        <TextInput
          label={t('seMaxPerItem')}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_PER_ITEM_LIMIT}
          value={draft.maxPerItem}
          onValue={set('maxPerItem')}
          hint={t('seMaxPerItemHint')}
          error={err('maxPerItem')}
        />
        <TextInput
          label={t('seMaxPerOrder')}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_PER_ORDER_LIMIT}
          value={draft.maxPerOrder}
          onValue={set('maxPerOrder')}
          hint={t('seMaxPerOrderHint')}
          error={err('maxPerOrder')}
        />
      </Section>

      <Section title={t('seLocation')}>
        <TextInput
          label={t('seAddress')}
          value={draft.address}
          onValue={set('address')}
          maxLength={200}
          autoComplete="street-address"
          error={err('address')}
        />
        <Select
          label={t('seTimeZone')}
          value={draft.timeZone}
          onValue={set('timeZone')}
          hint={t('seTimeZoneHint')}
          error={err('timeZone')}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </Select>
      </Section>

      <div className="settings-save">
        {status?.kind === 'error' && (
          <p role="alert" className="alert alert-error">
            {status.message}
          </p>
        )}
        <p role="status" className="save-status">
          {busy
            ? t('seSaving')
            : status?.kind === 'saved' && !dirty
              ? t('seSaved')
              : status?.kind === 'info'
                ? status.message
                : dirty
                  ? t('seUnsaved')
                  : ''}
        </p>
        <button type="submit" disabled={busy}>
          {t('seSave')}
        </button>
      </div>

      {confirmSlug && (
        <SlugDialog
          from={saved.slug}
          to={confirmSlug.slug ?? saved.slug}
          onCancel={() => setConfirmSlug(null)}
          onConfirm={() => {
            const patch = confirmSlug;
            setConfirmSlug(null);
            void save(patch);
          }}
        />
      )}
    </form>
  );
}
