import { formatWon } from '../domain/money';
import type { PricedLine } from '../domain/order';
import { optionGroupLines } from '../domain/production';
import type { Lang } from '../protocol/lang';
import { UserText } from '../ui/UserText';

/** An order's lines on a slip: the item and quantity, its options under it, prices on a receipt. */
export function OrderLines({ lines, lang, prices }: { lines: PricedLine[]; lang: Lang; prices: boolean }) {
  return (
    <ul className="slip-lines">
      {lines.map((l, i) => (
        <li key={i}>
          <p className={prices ? 'receipt-row slip-line' : 'slip-line'}>
            <span>
              <UserText>{l.name}</UserText> × {l.quantity}
            </span>
            {prices && <span>{formatWon(l.lineTotal, lang)}</span>}
          </p>
          {prices
            ? l.options.map((o) => (
                <p key={o.id} className="slip-options">
                  · <UserText>{o.name}</UserText>
                  {o.priceDelta > 0 && ` (+${formatWon(o.priceDelta, lang)})`}
                </p>
              ))
            : // The kitchen reads each group once: "반찬 선택: 멸치볶음, 진미채볶음, 메추리알장조림".
              optionGroupLines(l.options.map((o) => o.name)).map((text, j) => (
                <p key={j} className="slip-options">
                  · <UserText>{text}</UserText>
                </p>
              ))}
        </li>
      ))}
    </ul>
  );
}
