import { useState, type FormEvent } from 'react';
import type { MenuItem } from '../../domain/catalogue';
import { shopLocalDate } from '../../domain/hours';
import { formatWon } from '../../domain/money';
import { priceOrder } from '../../domain/pricing';
import { addDays, pickupProblem, slotsOn, type Schedule } from '../../domain/schedule';
import { enqueue } from '../../client/outbox';
import type { ClientDb } from '../../client/db';
import { useT } from '../../i18n';
import { errorMessage } from '../../protocol/errors';
import { Alert } from '../../ui/Alert';
import { Field } from '../../ui/Field';
import { removeLine, type Cart } from './cart';

const PROFILE = 'dangol.customer';

interface Props {
  cart: Cart;
  setCart: (c: Cart) => void;
  catalogue: Map<string, MenuItem>;
  schedule: Schedule;
  db: ClientDb | undefined;
  onPlaced: () => void;
}

/** Pickup choices the shop offers from now: "as soon as possible" while open, then today's and tomorrow's slots. */
function pickupChoices(schedule: Schedule, now: Date) {
  const today = shopLocalDate(now, schedule.timeZone);
  const choices: { value: string; date: string; slot: string | null; label: string }[] = [];
  if (!pickupProblem(now, today, null, schedule))
    choices.push({ value: 'asap', date: today, slot: null, label: '' });
  for (const date of [today, addDays(today, 1)]) {
    for (const slot of slotsOn(date, schedule)) {
      if (!pickupProblem(now, date, slot, schedule))
        choices.push({ value: `${date} ${slot}`, date, slot, label: `${date} ${slot}` });
    }
  }
  return choices;
}

export function Checkout({ cart, setCart, catalogue, schedule, db, onPlaced }: Props) {
  const { lang, t } = useT();
  const saved = JSON.parse(localStorage.getItem(PROFILE) ?? '{}') as { name?: string; phone?: string };
  const [name, setName] = useState(saved.name ?? '');
  const [phone, setPhone] = useState(saved.phone ?? '');
  const [error, setError] = useState<string | null>(null);
  const choices = pickupChoices(schedule, new Date());
  const [pickup, setPickup] = useState(choices[0]?.value ?? '');
  const chosen = choices.find((c) => c.value === pickup) ?? choices[0];
  // The same pricing as the server: the total shown is the total charged, offline too.
  const priced = priceOrder(catalogue, cart, chosen?.date ?? shopLocalDate(new Date(), schedule.timeZone));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!db || !chosen) return setError(errorMessage('shop_closed', lang));
    if (!priced.ok) return setError(errorMessage(priced.problem, lang));
    localStorage.setItem(PROFILE, JSON.stringify({ name, phone }));
    await enqueue(db, 'placeOrder', {
      orderId: crypto.randomUUID(),
      lines: cart,
      fulfilment: 'pickup',
      date: chosen.date,
      slot: chosen.slot,
      customerName: name.trim(),
      customerPhone: phone.trim(),
      address: '',
      note: '',
    });
    setCart([]);
    onPlaced();
  }

  if (cart.length === 0) return <p className="muted">{t('cartEmpty')}</p>;
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="cart-title">
      <h2 id="cart-title">{t('cart')}</h2>
      <ul className="plain-list">
        {cart.map((line, i) => {
          const item = catalogue.get(line.itemId);
          return (
            <li key={`${line.itemId}-${line.optionIds.join()}`} className="row">
              <span>
                {item?.name} × {line.quantity}
              </span>
              <button
                type="button"
                className="secondary"
                onClick={() => setCart(removeLine(cart, i))}
                aria-label={t('removeFromCart', { name: item?.name ?? '' })}
              >
                −
              </button>
            </li>
          );
        })}
      </ul>
      {priced.ok && (
        <p className="price">
          {t('total')}: {formatWon(priced.total, lang)}
        </p>
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
      />
      <label className="field">
        {t('pickupTime')}
        <select value={pickup} onChange={(e) => setPickup(e.target.value)}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.slot === null ? t('pickupAsap') : c.label}
            </option>
          ))}
        </select>
      </label>
      <Alert error={error} />
      <button type="submit">{t('placeOrder')}</button>
    </form>
  );
}
