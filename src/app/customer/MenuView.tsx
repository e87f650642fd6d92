import { useEffect, useState } from 'react';
import { isSoldOut, type MenuItem } from '../../domain/catalogue';
import { shopLocalDate } from '../../domain/hours';
import { formatWon } from '../../domain/money';
import { priceOrder, quotaLeft } from '../../domain/pricing';
import type { ClientDb } from '../../client/db';
import { useT } from '../../i18n';
import { LAST_SHOP } from '../lastShop';
import { navigate } from '../router';
import { addToCart } from '../cart';
import type { CartState } from './cart';
import { checkoutLimitsOf, roomFor } from '../../domain/checkoutLimits';
import { quantitiesByItem } from '../../domain/pricing';
import { limitMessage } from './limitMessage';
import { ItemDialog } from '../ItemDialog';
import { MenuItemCard } from './MenuItemCard';
import { MyOrders } from './MyOrders';
import { catalogueOf, checkoutRulesOf, takenOn, type PublicShop } from './publicShop';
import { UserText } from '../../ui/UserText';

/** The shop's notice, this phone's orders, the menu by category, and a bar to the cart. */
export function MenuView({
  data,
  cart: cartState,
  db,
  base,
}: {
  data: PublicShop;
  cart: CartState;
  db: ClientDb | undefined;
  base: string;
}) {
  const { lang, t } = useT();
  const { cart, setCart } = cartState;
  const [choosing, setChoosing] = useState<MenuItem | null>(null);
  // Said when "담기" meets the shop's limits (#16): the cart used to stop growing silently.
  const [limitNote, setLimitNote] = useState<string | null>(null);
  const limits = checkoutLimitsOf(checkoutRulesOf(data));
  useEffect(() => localStorage.setItem(LAST_SHOP, decodeURIComponent(base.slice(3))), [base]);
  const now = new Date();
  const today = shopLocalDate(now, data.shop.timeZone);
  const priced = priceOrder(catalogueOf(data), cart, today);
  const count = cart.reduce((n, l) => n + l.quantity, 0);
  const add = (item: MenuItem) => {
    // Anything with choices opens the picker; a plain item goes straight in.
    if (roomFor(limits, cart, item.id) === 0)
      return setLimitNote(limitMessage(limits, quantitiesByItem(cart).get(item.id) ?? 0, t));
    setLimitNote(null);
    if (item.optionGroups.length > 0) setChoosing(item);
    else setCart(addToCart(cart, item, []));
  };
  return (
    <>
      {data.shop.notice && (
        <p className="notice">
          <UserText>{data.shop.notice}</UserText>
        </p>
      )}
      {db && <MyOrders db={db} base={base} onOrderAgain={cartState.refill} />}
      {data.categories.map((c) => (
        <section key={c.id} aria-labelledby={`cat-${c.id}`}>
          <h2 id={`cat-${c.id}`}>
            <UserText>{c.name}</UserText>
          </h2>
          <ul className="menu-list">
            {data.items
              .filter((i) => i.categoryId === c.id)
              .map((item) => (
                <MenuItemCard
                  key={item.id}
                  item={item}
                  soldOut={isSoldOut(item, today)}
                  left={quotaLeft(item, takenOn(data, today, item.id))}
                  today={today}
                  now={now}
                  timeZone={data.shop.timeZone}
                  onAdd={() => add(item)}
                />
              ))}
          </ul>
        </section>
      ))}
      {choosing && (
        <ItemDialog
          item={choosing}
          room={roomFor(limits, cart, choosing.id)}
          limitNote={limitMessage(limits, quantitiesByItem(cart).get(choosing.id) ?? 0, t)}
          onClose={() => setChoosing(null)}
          onAdd={(optionIds, quantity) => {
            setCart(addToCart(cart, choosing, optionIds, quantity));
            setChoosing(null);
          }}
        />
      )}
      {count > 0 && (
        <div className="cart-bar">
          {limitNote && (
            <p role="status" className="limit-note">
              {limitNote}
            </p>
          )}
          <a
            href={`${base}/cart`}
            className="button"
            onClick={(e) => {
              e.preventDefault();
              navigate(`${base}/cart`);
            }}
          >
            {t('viewCart', { n: count, total: priced.ok ? formatWon(priced.total, lang) : '' })}
          </a>
        </div>
      )}
    </>
  );
}
