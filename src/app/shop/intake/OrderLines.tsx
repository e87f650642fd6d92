import type { MenuItem } from '../../../domain/catalogue';
import { formatWon } from '../../../domain/money';
import type { OrderLineInput, PricedLine } from '../../../domain/order';
import { useT } from '../../../i18n';
import { setQuantity, type Cart } from '../../cart';
import { UserText, UserTextList } from '../../../ui/UserText';

/**
 * An order's lines with names, options and prices from this tablet's menu. With `onChange` each line
 * gets − / + (zero removes it), as in the customer's cart; without it the list is read-only (an
 * imported order is confirmed as the customer sent it, not edited).
 */
export function OrderLines({
  lines,
  priced,
  catalogue,
  labelledBy,
  onChange,
}: {
  lines: readonly OrderLineInput[];
  /** The domain's pricing of exactly these lines, when they price. */
  priced: readonly PricedLine[] | null;
  catalogue: ReadonlyMap<string, MenuItem>;
  labelledBy: string;
  onChange?: (lines: Cart) => void;
}) {
  const { lang, t } = useT();
  return (
    <ul className="plain-list intake-lines" aria-labelledby={labelledBy}>
      {lines.map((line, i) => {
        const item = catalogue.get(line.itemId);
        const p = priced?.[i];
        const name = item?.name ?? p?.name ?? line.itemId;
        return (
          <li key={`${line.itemId}-${line.optionIds.join()}`} className="cart-line">
            <div>
              <strong>
                <UserText>{name}</UserText>
              </strong>
              {!onChange && <span> × {line.quantity}</span>}
              {p && p.options.length > 0 && (
                <p className="muted">
                  <UserTextList items={p.options.map((o) => o.name)} />
                </p>
              )}
              {p && <p>{formatWon(p.lineTotal, lang)}</p>}
            </div>
            {onChange && (
              <div className="stepper" role="group" aria-label={t('quantityOf', { name })}>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('decreaseOf', { name })}
                  onClick={() => onChange(setQuantity([...lines], i, line.quantity - 1))}
                >
                  −
                </button>
                <output>{line.quantity}</output>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('increaseOf', { name })}
                  onClick={() => onChange(setQuantity([...lines], i, line.quantity + 1))}
                >
                  +
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
