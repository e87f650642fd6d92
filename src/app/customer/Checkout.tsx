import { useState, type FormEvent } from 'react';
import { checkoutProblem, paymentAllowed, type PaymentMethod } from '../../domain/checkout';
import { leadTimeProblem } from '../../domain/leadTime';
import { formatWon } from '../../domain/money';
import type { Fulfilment } from '../../domain/order';
import { pickupDays } from '../../domain/pickupOptions';
import { priceOrder, quantitiesByItem, quotaLeft } from '../../domain/pricing';
import { pickupProblem, slotHasRoom } from '../../domain/schedule';
import type { ClientDb } from '../../client/db';
import { enqueue, knowItems } from '../../client/outbox';
import { rememberShareSecret } from '../../client/shareSecrets';
import { useT } from '../../i18n';
import { errorMessage, type ErrorCode } from '../../protocol/errors';
import { Alert } from '../../ui/Alert';
import { Field } from '../../ui/Field';
import { BankTransferInfo } from './BankTransferInfo';
import { setQuantity, type Cart } from './cart';
import { formatShopDate } from './dates';
import { catalogueOf, checkoutRulesOf, takenOn, type PublicShop } from './publicShop';

const PROFILE = 'dangol.customer';

/** A share-link secret: 256 random bits in base64url (43 characters), as the protocol's Token. */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

interface Props {
  data: PublicShop;
  cart: Cart;
  setCart: (c: Cart) => void;
  db: ClientDb | undefined;
  onPlaced: (orderId: string) => void;
}

/**
 * The cart and checkout. Every rule the server enforces is checked here first with the same domain
 * code (pricing, schedule, lead times, slot room and quotas as last heard, checkout rules), so even
 * offline the phone tells the truth as far as it knows; the server still decides.
 */
export function Checkout({ data, cart, setCart, db, onPlaced }: Props) {
  const { lang, t } = useT();
  const { schedule } = data;
  const rules = checkoutRulesOf(data);
  const catalogue = catalogueOf(data);
  const saved = JSON.parse(localStorage.getItem(PROFILE) ?? '{}') as { name?: string; phone?: string };
  const [name, setName] = useState(saved.name ?? '');
  const [phone, setPhone] = useState(saved.phone ?? '');
  const [note, setNote] = useState('');
  const [address, setAddress] = useState('');
  const [fulfilment, setFulfilment] = useState<Fulfilment>(
    rules.pickup || !rules.delivery ? 'pickup' : 'delivery',
  );
  const [payment, setPayment] = useState<PaymentMethod>(
    paymentAllowed(rules, 'at_pickup') || !paymentAllowed(rules, 'bank_transfer')
      ? 'at_pickup'
      : 'bank_transfer',
  );
  const [error, setError] = useState<string | null>(null);
  const now = new Date();
  const cartItems = cart.map((l) => catalogue.get(l.itemId)).filter((i) => i !== undefined);
  const days = pickupDays(now, schedule, data.taken.slots, cartItems);
  const firstGood = days.find((d) => d.itemsReady && (d.asap || d.slots.some((s) => s.hasRoom))) ?? days[0];
  const [pick, setPick] = useState<{ date: string; slot: string | null } | null>(null);
  const date = pick?.date ?? firstGood?.date ?? '';
  const day = days.find((d) => d.date === date);
  const defaultSlot = day?.asap ? null : (day?.slots.find((s) => s.hasRoom)?.slot ?? null);
  const slot = pick && pick.date === date ? pick.slot : defaultSlot;
  const priced = priceOrder(catalogue, cart, date || '2000-01-01');

  /** What the server would refuse, as far as this phone knows. */
  function problem(): ErrorCode | null {
    if (cart.length === 0) return 'empty_order';
    if (!day) return 'shop_closed';
    if (!priced.ok) return priced.problem;
    const when = pickupProblem(new Date(), date, slot, schedule);
    if (when) return when;
    if (slot !== null && !slotHasRoom(data.taken.slots[`${date} ${slot}`] ?? 0, schedule)) return 'slot_full';
    if (leadTimeProblem(catalogue, cart, new Date(), date, schedule.timeZone)) return 'item_lead_time';
    for (const [itemId, wanted] of quantitiesByItem(cart)) {
      const left = quotaLeft(catalogue.get(itemId) ?? { dailyQuota: null }, takenOn(data, date, itemId));
      if (left !== null && wanted > left) return 'quota_exceeded';
    }
    return checkoutProblem(rules, { fulfilment, payment, address });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const found = problem();
    if (found) return setError(errorMessage(found, lang));
    if (!db) return setError(t('deviceNotReady'));
    localStorage.setItem(PROFILE, JSON.stringify({ name: name.trim(), phone: phone.trim() }));
    const orderId = crypto.randomUUID();
    const shareSecret = randomSecret();
    await knowItems(db, data.items);
    await enqueue(db, 'placeOrder', {
      orderId,
      lines: cart,
      fulfilment,
      date,
      slot,
      customerName: name,
      customerPhone: phone,
      address: fulfilment === 'delivery' ? address : '',
      note,
      payment,
      shareSecret,
    });
    await rememberShareSecret(db, orderId, shareSecret);
    setCart([]);
    onPlaced(orderId);
  }

  if (cart.length === 0) return <p className="muted">{t('cartEmpty')}</p>;
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="cart-title" className="checkout">
      <h2 id="cart-title">{t('cart')}</h2>
      <ul className="plain-list">
        {cart.map((line, i) => {
          const item = catalogue.get(line.itemId);
          const pricedLine = priced.ok ? priced.lines[i] : undefined;
          const itemName = item?.name ?? '';
          return (
            <li key={`${line.itemId}-${line.optionIds.join()}`} className="cart-line">
              <div>
                <strong>{itemName}</strong>
                {pricedLine && pricedLine.options.length > 0 && (
                  <p className="muted">{pricedLine.options.map((o) => o.name).join(', ')}</p>
                )}
                {pricedLine && <p>{formatWon(pricedLine.lineTotal, lang)}</p>}
              </div>
              <div className="stepper" role="group" aria-label={t('quantityOf', { name: itemName })}>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('decreaseOf', { name: itemName })}
                  onClick={() => setCart(setQuantity(cart, i, line.quantity - 1))}
                >
                  −
                </button>
                <output>{line.quantity}</output>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('increaseOf', { name: itemName })}
                  onClick={() => setCart(setQuantity(cart, i, line.quantity + 1))}
                >
                  +
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {priced.ok && (
        <p className="price" aria-live="polite">
          {t('total')}: {formatWon(priced.total, lang)}
        </p>
      )}

      {rules.pickup && rules.delivery && (
        <fieldset>
          <legend>{t('howToGet')}</legend>
          {(['pickup', 'delivery'] as const).map((f) => (
            <label key={f} className="choice">
              <input
                type="radio"
                name="fulfilment"
                checked={fulfilment === f}
                onChange={() => setFulfilment(f)}
              />
              {t(f === 'pickup' ? 'fulfilPickup' : 'fulfilDelivery')}
            </label>
          ))}
        </fieldset>
      )}
      {fulfilment === 'delivery' && (
        <Field
          label={t('deliveryAddress')}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          maxLength={200}
          autoComplete="street-address"
        />
      )}

      <fieldset className="calendar">
        <legend>{t(fulfilment === 'pickup' ? 'pickupDate' : 'deliveryDate')}</legend>
        {days.length === 0 && <p className="muted">{t('noOpenDays')}</p>}
        <div className="day-grid">
          {days.map((d) => (
            <label key={d.date} className={d.itemsReady ? 'day' : 'day day-unavailable'}>
              <input
                type="radio"
                name="date"
                checked={date === d.date}
                disabled={!d.itemsReady}
                onChange={() =>
                  setPick({
                    date: d.date,
                    slot: d.asap ? null : (d.slots.find((s) => s.hasRoom)?.slot ?? null),
                  })
                }
              />
              {formatShopDate(d.date, lang)}
              {!d.itemsReady && <span className="muted"> ({t('tooLateForItems')})</span>}
            </label>
          ))}
        </div>
      </fieldset>
      {day && (
        <fieldset className="slots">
          <legend>{t('pickupTime')}</legend>
          {day.asap && (
            <label className="choice">
              <input
                type="radio"
                name="slot"
                checked={slot === null}
                onChange={() => setPick({ date, slot: null })}
              />
              {t('pickupAsap')}
            </label>
          )}
          <div className="slot-grid">
            {day.slots.map((s) => (
              <label key={s.slot} className={s.hasRoom ? 'slot' : 'slot slot-full'}>
                <input
                  type="radio"
                  name="slot"
                  checked={slot === s.slot}
                  disabled={!s.hasRoom}
                  onChange={() => setPick({ date, slot: s.slot })}
                />
                {s.hasRoom ? s.slot : t('slotFullLabel', { slot: s.slot })}
              </label>
            ))}
          </div>
          {schedule.leadMinutes > 0 && (
            <p className="muted">{t('leadMinutesNote', { n: schedule.leadMinutes })}</p>
          )}
        </fieldset>
      )}

      <Field
        label={t('yourName')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={40}
        autoComplete="name"
      />
      <Field
        label={t('yourPhone')}
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        maxLength={20}
        type="tel"
        autoComplete="tel"
        hint={t('rememberedHere')}
      />
      <label className="field">
        {t('orderNote')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={2} />
      </label>

      <fieldset>
        <legend>{t('paymentMethod')}</legend>
        {(['at_pickup', 'bank_transfer'] as const)
          .filter((m) => paymentAllowed(rules, m))
          .map((m) => (
            <label key={m} className="choice">
              <input type="radio" name="payment" checked={payment === m} onChange={() => setPayment(m)} />
              {t(m === 'at_pickup' ? 'payAtPickup' : 'payBankTransfer')}
            </label>
          ))}
      </fieldset>
      {payment === 'bank_transfer' && priced.ok && (
        <BankTransferInfo account={rules.bankAccount} amount={priced.total} />
      )}

      <Alert error={error} />
      <button type="submit">
        {priced.ok ? t('placeOrderTotal', { total: formatWon(priced.total, lang) }) : t('placeOrder')}
      </button>
    </form>
  );
}
