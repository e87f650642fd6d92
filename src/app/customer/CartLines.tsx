import type { MenuItem } from '../../domain/catalogue';
import { roomFor, type CheckoutLimits } from '../../domain/checkoutLimits';
import { formatWon } from '../../domain/money';
import type { Priced } from '../../domain/pricing';
import { quantitiesByItem } from '../../domain/pricing';
import { useT } from '../../i18n';
import { UserText, UserTextList } from '../../ui/UserText';
import { setQuantity, type Cart } from '../cart';
import { limitMessage } from './limitMessage';

/**
 * The cart's lines with their steppers. "+" stops at the shop's limits and says which one (#16: it
 * used to stop silently at 99), next to the line it stops.
 */
export function CartLines({
  cart,
  setCart,
  catalogue,
  priced,
  limits,
  error,
}: {
  cart: Cart;
  setCart: (c: Cart) => void;
  catalogue: ReadonlyMap<string, MenuItem>;
  priced: Priced;
  limits: CheckoutLimits;
  error: string | null;
}) {
  const { lang, t } = useT();
  const ofItem = quantitiesByItem(cart);
  return (
    <div data-field="lines">
      <ul className="plain-list">
        {cart.map((line, i) => {
          const item = catalogue.get(line.itemId);
          const pricedLine = priced.ok ? priced.lines[i] : undefined;
          const itemName = item?.name ?? '';
          const full = roomFor(limits, cart, line.itemId) === 0;
          const limit = full ? limitMessage(limits, ofItem.get(line.itemId) ?? 0, t) : null;
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
                {limit && (
                  <p role="status" className="limit-note">
                    {limit}
                  </p>
                )}
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
                  disabled={full}
                  onClick={() => setCart(setQuantity(cart, i, line.quantity + 1))}
                >
                  +
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="field-error" role="alert" tabIndex={-1}>
          {error}
        </p>
      )}
    </div>
  );
}
