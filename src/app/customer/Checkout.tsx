import { useState, type FormEvent } from 'react';
import { checkoutProblem, paymentAllowed, type PaymentMethod } from '../../domain/checkout';
import { leadTimeProblem } from '../../domain/leadTime';
import { formatWon } from '../../domain/money';
import type { Fulfilment } from '../../domain/order';
import { pickupDays } from '../../domain/pickupOptions';
import { priceOrder, quantitiesByItem, quotaLeft } from '../../domain/pricing';
import { pickupProblem, slotHasRoom } from '../../domain/schedule';
import type { ClientDb } from '../../client/db';
import { enqueue, knowItems, knowZones } from '../../client/outbox';
import { hasZones, quoteDelivery } from '../../domain/deliveryZones';
import type { LatLng } from '../../domain/geo';
import { isPhone } from '../../domain/phone';
import { priceWholeOrder } from '../../domain/orderPricing';
import { DeliveryPin } from './DeliveryPin';
import { rememberShareSecret } from '../../client/shareSecrets';
import { useT } from '../../i18n';
import { errorMessage, type ErrorCode } from '../../protocol/errors';
import { Alert } from '../../ui/Alert';
import { Field } from '../../ui/Field';
import { useSingleFlight } from '../../ui/useSingleFlight';
import { BankTransferInfo } from './BankTransferInfo';
import { setQuantity, type Cart } from '../cart';
import { FulfilmentFields } from '../FulfilmentFields';
import { firstTimeOf, SlotPicker } from '../SlotPicker';
import { formatShopDate } from '../dates';
import { catalogueOf, checkoutRulesOf, takenOn, type PublicShop } from './publicShop';
import { UserText, UserTextList } from '../../ui/UserText';
import { typed } from '../../ui/typed';

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
  const [location, setLocation] = useState<LatLng | null>(null);
  const [fulfilment, setFulfilment] = useState<Fulfilment>(
    rules.pickup || !rules.delivery ? 'pickup' : 'delivery',
  );
  const [payment, setPayment] = useState<PaymentMethod>(
    paymentAllowed(rules, 'at_pickup') || !paymentAllowed(rules, 'bank_transfer')
      ? 'at_pickup'
      : 'bank_transfer',
  );
  const [error, setError] = useState<string | null>(null);
  // A second tap while the first is still writing would make a second order with its own id.
  const placing = useSingleFlight();
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
  // The fee from the pin and the shop's zones, with the server's own code (issue 6): offline too.
  const zones = data.delivery ?? null;
  const quote =
    fulfilment === 'delivery' && zones && priced.ok ? quoteDelivery(zones, location, priced.total) : null;
  const whole = priceWholeOrder(
    catalogue,
    { lines: cart, date: date || '2000-01-01', fulfilment, location },
    zones,
  );

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
    const checkout = checkoutProblem(rules, { fulfilment, payment, address });
    if (checkout) return checkout;
    if (!isPhone(phone.trim())) return 'phone_invalid';
    return whole.ok ? null : whole.problem;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    await placing.run(place);
  }

  async function place() {
    setError(null);
    const found = problem();
    if (found) return setError(errorMessage(found, lang));
    if (!db) return setError(t('deviceNotReady'));
    localStorage.setItem(PROFILE, JSON.stringify({ name: name.trim(), phone: phone.trim() }));
    const orderId = crypto.randomUUID();
    const shareSecret = randomSecret();
    try {
      await knowItems(db, data.items);
      await knowZones(db, data.delivery);
      // Before the order: a secret kept for an order that never came to be is harmless, while an order
      // queued before a failed write here would look unsent and be placed twice.
      await rememberShareSecret(db, orderId, shareSecret);
      await enqueue(db, 'placeOrder', {
        orderId,
        lines: cart,
        fulfilment,
        date,
        slot,
        customerName: name,
        customerPhone: phone.trim(),
        address: fulfilment === 'delivery' ? address : '',
        note,
        payment,
        shareSecret,
        ...(fulfilment === 'delivery' && location ? { location } : {}),
      });
    } catch {
      // Nothing was queued (the order and its outbox entry are one transaction, S2): the cart stays.
      return setError(t('orderSaveFailed'));
    }
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
                <strong>
                  <UserText>{itemName}</UserText>
                </strong>
                {pricedLine && pricedLine.options.length > 0 && (
                  <p className="muted">
                    <UserTextList items={pricedLine.options.map((o) => o.name)} />
                  </p>
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
          {whole.ok && whole.deliveryFee > 0 && (
            <span className="muted">{t('itemsSubtotal', { amount: formatWon(priced.total, lang) })} · </span>
          )}
          {t('total')}: {formatWon(whole.ok ? whole.total : priced.total, lang)}
        </p>
      )}

      <FulfilmentFields
        name="fulfilment"
        offered={(['pickup', 'delivery'] as const).filter((f) => rules[f])}
        value={fulfilment}
        onChange={setFulfilment}
        address={address}
        onAddress={setAddress}
        autoComplete="street-address"
      />
      {fulfilment === 'delivery' && zones && hasZones(zones) && (
        <DeliveryPin zones={zones} map={data.map} pin={location} onPin={setLocation} quote={quote} />
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
                onChange={() => setPick({ date: d.date, slot: firstTimeOf(d) })}
              />
              {formatShopDate(d.date, lang)}
              {!d.itemsReady && <span className="muted"> ({t('tooLateForItems')})</span>}
            </label>
          ))}
        </div>
      </fieldset>
      {day && (
        <SlotPicker
          name="slot"
          day={day}
          slot={slot}
          onPick={(s) => setPick({ date, slot: s })}
          asapLabel="pickupAsap"
          leadMinutes={schedule.leadMinutes}
        />
      )}

      <Field
        label={t('yourName')}
        value={name}
        onChange={(e) => setName(typed(e))}
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
        <textarea value={note} onChange={(e) => setNote(typed(e))} maxLength={500} rows={2} />
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
        <BankTransferInfo account={rules.bankAccount} amount={whole.ok ? whole.total : priced.total} />
      )}

      <Alert error={error} />
      <button type="submit" disabled={placing.busy} aria-busy={placing.busy}>
        {priced.ok
          ? t('placeOrderTotal', { total: formatWon(whole.ok ? whole.total : priced.total, lang) })
          : t('placeOrder')}
      </button>
    </form>
  );
}
