import { useState, type FormEvent } from 'react';
import type { MenuItem } from '../../../domain/catalogue';
import { paymentAllowed, type PaymentMethod } from '../../../domain/checkout';
import { shopLocalDate } from '../../../domain/hours';
import { formatWon } from '../../../domain/money';
import type { Fulfilment } from '../../../domain/order';
import { pickupDays } from '../../../domain/pickupOptions';
import { priceOrder } from '../../../domain/pricing';
import { enqueue } from '../../../client/outbox';
import { useT } from '../../../i18n';
import { errorMessage } from '../../../protocol/errors';
import { Alert } from '../../../ui/Alert';
import { Field } from '../../../ui/Field';
import { useSingleFlight } from '../../../ui/useSingleFlight';
import { addToCart, type Cart } from '../../cart';
import { ItemDialog } from '../../ItemDialog';
import { MenuPicker } from './MenuPicker';
import { orderProblem } from './orderChecks';
import { OrderLines } from './OrderLines';
import { phoneOrderArgs, whoProblem, type Channel } from './phoneOrder';
import { SavedOrder } from './SavedOrder';
import type { IntakeData } from './useIntakeData';
import { firstTimeOf } from '../../SlotPicker';
import { FulfilmentFields } from '../../FulfilmentFields';
import { WhenPicker, type When } from './WhenPicker';
import { typed } from '../../../ui/typed';

/**
 * A phone or walk-in order typed in at the counter: the customer's menu, options and rules, checked
 * with the same domain code as the server, then queued like any other change (S2), so it works with
 * the network down and becomes an ordinary order on the board, the calendar and the lists.
 */
export function PhoneOrderForm({ data, now }: { data: IntakeData; now: Date }) {
  const { lang, t } = useT();
  const { db, schedule, catalogue, rules } = data;
  const [channel, setChannel] = useState<Channel>('phone');
  const [lines, setLines] = useState<Cart>([]);
  const [choosing, setChoosing] = useState<MenuItem | null>(null);
  const [pick, setPick] = useState<When | null>(null);
  const [chosenFulfilment, setFulfilment] = useState<Fulfilment>('pickup');
  const [chosenPayment, setPayment] = useState<PaymentMethod>('at_pickup');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [note, setNote] = useState('');
  const [paidNow, setPaidNow] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const saving = useSingleFlight();

  // Rules not heard yet: every choice is offered and the server decides.
  const payments = (['at_pickup', 'bank_transfer'] as const).filter(
    (m) => !rules || paymentAllowed(rules, m),
  );
  const fulfilments = (['pickup', 'delivery'] as const).filter((f) => !rules || rules[f]);
  // The shop's rules may change under the form (a sync): a choice it no longer offers falls back.
  const payment = payments.includes(chosenPayment) ? chosenPayment : (payments[0] ?? chosenPayment);
  const fulfilment = fulfilments.includes(chosenFulfilment)
    ? chosenFulfilment
    : (fulfilments[0] ?? chosenFulfilment);
  const today = shopLocalDate(now, schedule.timeZone);
  const cartItems = lines.map((l) => catalogue.get(l.itemId)).filter((i) => i !== undefined);
  const days = pickupDays(now, schedule, data.taken.slots, cartItems);
  // A walk-in customer is standing at the counter: today, now. A caller gets the first good time.
  const defaultDay =
    channel === 'walkIn'
      ? (days.find((d) => d.date === today) ?? days[0])
      : (days.find((d) => d.itemsReady && (d.asap || d.slots.some((s) => s.hasRoom))) ?? days[0]);
  const pickedDay = pick ? days.find((d) => d.date === pick.date) : undefined;
  const when: When = pickedDay
    ? pick!
    : defaultDay
      ? { date: defaultDay.date, slot: firstTimeOf(defaultDay) }
      : { date: today, slot: null };
  const priced = priceOrder(catalogue, lines, when.date);

  function reset() {
    setLines([]);
    setPick(null);
    setName('');
    setPhone('');
    setAddress('');
    setNote('');
    setPaidNow(false);
    setFulfilment('pickup');
    setPayment('at_pickup');
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    await saving.run(save);
  }

  async function save() {
    setError(null);
    const who = whoProblem(channel, name, phone);
    if (who) return setError(t(who));
    const form = {
      channel,
      lines,
      fulfilment,
      date: when.date,
      slot: when.slot,
      name,
      phone,
      address,
      note,
      payment,
    };
    // Checked against the clock of the moment of saving, not of the last render.
    const problem = orderProblem(new Date(), form, data);
    if (problem) return setError(errorMessage(problem, lang));
    const orderId = crypto.randomUUID();
    await enqueue(db, 'placeOrder', phoneOrderArgs(orderId, form));
    // Paid at the counter: recorded as the same change the board's "paid" button makes, after it.
    if (paidNow) await enqueue(db, 'markPaid', { orderId, paid: true });
    reset();
    setSaved(orderId);
  }

  return (
    <div className="intake-grid">
      <MenuPicker
        items={data.items}
        categories={data.categories}
        today={today}
        onPick={(item) => {
          setSaved(null);
          // Anything with choices opens the picker; a plain item goes straight in (as for customers).
          if (item.optionGroups.length > 0) setChoosing(item);
          else setLines(addToCart(lines, item, []));
        }}
      />
      <form onSubmit={(e) => void submit(e)} aria-labelledby="intake-order-title" className="checkout">
        <h3 id="intake-order-title">{t('intakeOrder')}</h3>
        {saved && <SavedOrder db={db} orderId={saved} />}
        <fieldset>
          <legend>{t('intakeChannel')}</legend>
          {(['phone', 'walkIn'] as const).map((c) => (
            <label key={c} className="choice">
              <input
                type="radio"
                name="intake-channel"
                checked={channel === c}
                onChange={() => {
                  setChannel(c);
                  setPick(null);
                }}
              />
              {t(c === 'phone' ? 'intakeChannelPhone' : 'intakeChannelWalkIn')}
            </label>
          ))}
        </fieldset>

        <h4 id="intake-lines-title">{t('intakeLines')}</h4>
        {lines.length === 0 ? (
          <p className="muted">{t('intakeNoLines')}</p>
        ) : (
          <OrderLines
            lines={lines}
            priced={priced.ok ? priced.lines : null}
            catalogue={catalogue}
            labelledBy="intake-lines-title"
            onChange={setLines}
          />
        )}
        {priced.ok && (
          <p className="price" aria-live="polite">
            {t('total')}: {formatWon(priced.total, lang)}
          </p>
        )}

        <FulfilmentFields
          name="intake-fulfilment"
          offered={fulfilments}
          value={fulfilment}
          onChange={setFulfilment}
          address={address}
          onAddress={setAddress}
        />
        <WhenPicker
          days={days}
          today={today}
          when={when}
          fulfilment={fulfilment}
          leadMinutes={schedule.leadMinutes}
          onChange={setPick}
        />

        <fieldset>
          <legend>{t('intakeCustomer')}</legend>
          <Field label={t('intakeName')} value={name} onChange={(e) => setName(typed(e))} maxLength={40} />
          <Field
            label={t('intakePhone')}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            maxLength={20}
            type="tel"
            inputMode="tel"
            hint={t(channel === 'phone' ? 'intakePhoneHintPhone' : 'intakePhoneHintWalkIn')}
          />
          <label className="field">
            {t('orderNote')}
            <textarea value={note} onChange={(e) => setNote(typed(e))} maxLength={500} rows={2} />
          </label>
        </fieldset>

        <fieldset>
          <legend>{t('paymentMethod')}</legend>
          {payments.map((m) => (
            <label key={m} className="choice">
              <input
                type="radio"
                name="intake-payment"
                checked={payment === m}
                onChange={() => setPayment(m)}
              />
              {t(m === 'at_pickup' ? 'payAtPickup' : 'payBankTransfer')}
            </label>
          ))}
          <label className="choice">
            <input type="checkbox" checked={paidNow} onChange={(e) => setPaidNow(e.target.checked)} />
            {t('intakePaidNow')}
          </label>
          <p className="muted">{t('intakePaidNowHint')}</p>
        </fieldset>

        <Alert error={error} />
        <button type="submit" disabled={saving.busy}>
          {priced.ok ? t('intakeSaveTotal', { total: formatWon(priced.total, lang) }) : t('intakeSave')}
        </button>
      </form>
      {choosing && (
        <ItemDialog
          item={choosing}
          onClose={() => setChoosing(null)}
          onAdd={(optionIds, quantity) => {
            setLines(addToCart(lines, choosing, optionIds, quantity));
            setChoosing(null);
          }}
        />
      )}
    </div>
  );
}
