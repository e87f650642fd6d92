import { useRef, useState, type FormEvent } from 'react';
import { customerCheckoutProblem, paymentAllowed, type PaymentMethod } from '../../domain/checkout';
import { checkoutLimitsOf, contactOptional } from '../../domain/checkoutLimits';
import { leadTimeProblem } from '../../domain/leadTime';
import { formatWon } from '../../domain/money';
import type { Fulfilment } from '../../domain/order';
import { customerPickupDays, customerTimeProblem, nowTakenAt } from '../../domain/pickupOptions';
import { priceOrder, quantitiesByItem, quotaLeft } from '../../domain/pricing';
import { slotHasRoom } from '../../domain/schedule';
import { isPaused } from '../../domain/shopStatus';
import type { ClientDb } from '../../client/db';
import { enqueue, knowItems, knowZones } from '../../client/outbox';
import { hasZones, quoteDelivery } from '../../domain/deliveryZones';
import type { LatLng } from '../../domain/geo';
import { priceWholeOrder } from '../../domain/orderPricing';
import { DeliveryPin } from './DeliveryPin';
import { rememberShareSecret } from '../../client/shareSecrets';
import { useT } from '../../i18n';
import { errorMessage, type ErrorCode } from '../../protocol/errors';
import { Alert } from '../../ui/Alert';
import { Field } from '../../ui/Field';
import { CountedTextArea } from '../../ui/CountedTextArea';
import { MAX_NOTE_LENGTH } from '../../protocol/sync';
import { useSingleFlight } from '../../ui/useSingleFlight';
import { BankTransferInfo } from './BankTransferInfo';
import type { Cart } from '../cart';
import { navigate } from '../router';
import { CartLines } from './CartLines';
import { CheckoutReview } from './CheckoutReview';
import { checkoutFieldOf, focusField, type CheckoutField } from './checkoutField';
import { useHistoryState } from './useHistoryState';
import './checkout.css';
import { FulfilmentFields } from '../FulfilmentFields';
import { firstTimeOf, SlotPicker } from '../SlotPicker';
import { formatShopDate } from '../dates';
import { catalogueOf, checkoutRulesOf, takenOn, type PublicShop } from './publicShop';
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
  /** The menu's address: an empty cart leads back there. */
  base: string;
  onPlaced: (orderId: string) => void;
}

/**
 * The cart and checkout. Every rule the server enforces is checked here first with the same domain
 * code (pricing, schedule, lead times, slot room and quotas as last heard, checkout rules), so even
 * offline the phone tells the truth as far as it knows; the server still decides.
 */
export function Checkout({ data, cart, setCart, db, base, onPlaced }: Props) {
  const { lang, t } = useT();
  const { schedule } = data;
  const rules = checkoutRulesOf(data);
  const catalogue = catalogueOf(data);
  const limits = checkoutLimitsOf(rules);
  const saved = JSON.parse(localStorage.getItem(PROFILE) ?? '{}') as { name?: string; phone?: string };
  const [name, setName] = useState(saved.name ?? '');
  const [phone, setPhone] = useState(saved.phone ?? '');
  // Kept as typed (on leaving the field), not only once an order is placed: a look back at the menu
  // must not cost the customer their name and number (the hint says this phone remembers them).
  const remember = () =>
    localStorage.setItem(PROFILE, JSON.stringify({ name: name.trim(), phone: phone.trim() }));
  // Kept in this page's history entry: back and forward (and a reload) keep what was chosen (#16).
  const [note, setNote] = useHistoryState('checkoutNote', '');
  // How and where too: back from the menu finds the delivery address and payment as they were.
  const [address, setAddress] = useHistoryState('checkoutAddress', '');
  const [location, setLocation] = useHistoryState<LatLng | null>('checkoutPin', null);
  const [fulfilment, setFulfilment] = useHistoryState<Fulfilment>(
    'checkoutFulfilment',
    rules.pickup || !rules.delivery ? 'pickup' : 'delivery',
  );
  const [payment, setPayment] = useHistoryState<PaymentMethod>(
    'checkoutPayment',
    paymentAllowed(rules, 'at_pickup') || !paymentAllowed(rules, 'bank_transfer')
      ? 'at_pickup'
      : 'bank_transfer',
  );
  const [error, setError] = useState<{ field: CheckoutField; message: string } | null>(null);
  const errorOf = (field: CheckoutField) => (error?.field === field ? error.message : null);
  const [reviewing, setReviewing] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // A second tap while the first is still writing would make a second order with its own id.
  const placing = useSingleFlight();
  const now = new Date();
  const cartItems = cart.map((l) => catalogue.get(l.itemId)).filter((i) => i !== undefined);
  const days = customerPickupDays(now, schedule, data.taken, cartItems);
  const firstGood = days.find((d) => d.itemsReady && (d.asap || d.slots.some((s) => s.hasRoom))) ?? days[0];
  const [pick, setPick] = useHistoryState<{ date: string; slot: string | null } | null>('checkoutPick', null);
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
    if (!day) return isPaused(schedule, new Date()) ? 'shop_paused' : 'shop_closed';
    if (!priced.ok) return priced.problem;
    const when = customerTimeProblem(
      new Date(),
      date,
      slot,
      schedule,
      nowTakenAt(new Date(), data.taken.now),
    );
    if (when) return when;
    if (slot !== null && !slotHasRoom(data.taken.slots[`${date} ${slot}`] ?? 0, schedule)) return 'slot_full';
    if (leadTimeProblem(catalogue, cart, new Date(), date, schedule.timeZone)) return 'item_lead_time';
    for (const [itemId, wanted] of quantitiesByItem(cart)) {
      const left = quotaLeft(catalogue.get(itemId) ?? { dailyQuota: null }, takenOn(data, date, itemId));
      if (left !== null && wanted > left) return 'quota_exceeded';
    }
    const checkout = customerCheckoutProblem(rules, {
      fulfilment,
      payment,
      address,
      customerName: name,
      customerPhone: phone,
      lines: cart,
    });
    if (checkout) return checkout;
    return whole.ok ? null : whole.problem;
  }

  /** Puts a problem next to its field and moves focus there (after the form is back on screen). */
  function showProblem(code: ErrorCode) {
    const field = checkoutFieldOf(code);
    setReviewing(false);
    setError({ field, message: errorMessage(code, lang) });
    requestAnimationFrame(() => focusField(formRef.current, field));
  }

  /** "주문 내용 확인": every check first, then the review step; nothing is sent yet. */
  function review(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const found = problem();
    if (found) return showProblem(found);
    setReviewing(true);
  }

  async function place() {
    setError(null);
    const found = problem();
    if (found) return showProblem(found);
    const general = (message: string) => {
      setReviewing(false);
      setError({ field: 'general', message });
    };
    if (!db) return general(t('deviceNotReady'));
    remember();
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
        customerName: name.trim(),
        customerPhone: phone.trim(),
        address: fulfilment === 'delivery' ? address : '',
        note,
        payment,
        shareSecret,
        ...(fulfilment === 'delivery' && location ? { location } : {}),
      });
    } catch {
      // Nothing was queued (the order and its outbox entry are one transaction, S2): the cart stays.
      return general(t('orderSaveFailed'));
    }
    setCart([]);
    onPlaced(orderId);
  }

  if (cart.length === 0) {
    // Never a dead end (#16: back from an order page landed here with no way on).
    return (
      <section className="checkout" aria-labelledby="cart-title">
        <h2 id="cart-title">{t('cart')}</h2>
        <p className="muted">{t('cartEmpty')}</p>
        <a
          href={base}
          className="button"
          onClick={(e) => {
            e.preventDefault();
            navigate(base);
          }}
        >
          {t('backToMenu')}
        </a>
      </section>
    );
  }
  const total = whole.ok ? whole.total : priced.ok ? priced.total : 0;
  if (reviewing && priced.ok) {
    return (
      <CheckoutReview
        order={{
          lines: priced.lines,
          fulfilment,
          date,
          slot,
          address,
          name,
          phone,
          note,
          payment,
          deliveryFee: whole.ok ? whole.deliveryFee : 0,
          total,
        }}
        shop={data.shop}
        bankAccount={rules.bankAccount}
        busy={placing.busy}
        onEdit={() => {
          setReviewing(false);
          requestAnimationFrame(() => focusField(formRef.current, 'general'));
        }}
        onPlace={() => void placing.run(place)}
      />
    );
  }
  const optional = contactOptional(limits, fulfilment);
  return (
    <form ref={formRef} onSubmit={review} aria-labelledby="cart-title" className="checkout" noValidate>
      <h2 id="cart-title">{t('cart')}</h2>
      <CartLines
        cart={cart}
        setCart={setCart}
        catalogue={catalogue}
        priced={priced}
        limits={limits}
        error={errorOf('lines')}
      />
      {priced.ok && (
        <p className="price" aria-live="polite">
          {whole.ok && whole.deliveryFee > 0 && (
            <span className="muted">{t('itemsSubtotal', { amount: formatWon(priced.total, lang) })} · </span>
          )}
          {t('total')}: {formatWon(total, lang)}
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
        error={errorOf('fulfilment')}
        addressError={errorOf('address')}
      />
      {fulfilment === 'delivery' && zones && hasZones(zones) && (
        <DeliveryPin zones={zones} map={data.map} pin={location} onPin={setLocation} quote={quote} />
      )}

      <fieldset className="calendar" data-field="date">
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
        {errorOf('date') && (
          <small className="field-error" role="alert">
            {errorOf('date')}
          </small>
        )}
      </fieldset>
      {day && (
        <div data-field="slot">
          <SlotPicker
            name="slot"
            day={day}
            slot={slot}
            onPick={(s) => setPick({ date, slot: s })}
            asapLabel="pickupAsap"
            fulfilment={fulfilment}
            leadMinutes={schedule.leadMinutes}
          />
          {errorOf('slot') && (
            <small className="field-error" role="alert">
              {errorOf('slot')}
            </small>
          )}
        </div>
      )}

      <div data-field="name">
        <Field
          label={t('yourName')}
          value={name}
          onChange={(e) => setName(typed(e))}
          onBlur={remember}
          maxLength={40}
          autoComplete="name"
          required={!optional}
          aria-required={!optional}
          error={errorOf('name')}
          hint={optional ? t('contactOptionalHint') : undefined}
        />
      </div>
      <div data-field="phone">
        <Field
          label={t('yourPhone')}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          onBlur={remember}
          maxLength={20}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          placeholder="010-1234-5678"
          required={!optional}
          aria-required={!optional}
          error={errorOf('phone')}
          hint={t('phoneHint')}
        />
      </div>
      <div data-field="note">
        <CountedTextArea
          label={t('orderNote')}
          value={note}
          onChange={(e) => setNote(typed(e))}
          maxLength={MAX_NOTE_LENGTH}
          rows={2}
          error={errorOf('note')}
        />
      </div>

      <fieldset data-field="payment">
        <legend>{t('paymentMethod')}</legend>
        {(['at_pickup', 'bank_transfer'] as const)
          .filter((m) => paymentAllowed(rules, m))
          .map((m) => (
            <label key={m} className="choice">
              <input type="radio" name="payment" checked={payment === m} onChange={() => setPayment(m)} />
              {t(m === 'at_pickup' ? 'payAtPickup' : 'payBankTransfer')}
            </label>
          ))}
        {errorOf('payment') && (
          <small className="field-error" role="alert">
            {errorOf('payment')}
          </small>
        )}
      </fieldset>
      {payment === 'bank_transfer' && priced.ok && (
        <BankTransferInfo account={rules.bankAccount} amount={total} />
      )}

      <div data-field="general">
        <Alert error={errorOf('general')} />
        <button type="submit">
          {priced.ok ? t('reviewOrderTotal', { total: formatWon(total, lang) }) : t('reviewOrder')}
        </button>
      </div>
    </form>
  );
}
