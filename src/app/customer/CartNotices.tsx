import { isolate } from '../../domain/bidi';
import { formatWon } from '../../domain/money';
import { useT } from '../../i18n';
import type { CartNotice } from './cartCheck';
import './cartNotices.css';

/** What the menu changed in a kept or re-ordered cart, said once, until the customer closes it. */
export function CartNotices({ notices, onDismiss }: { notices: CartNotice[]; onDismiss: () => void }) {
  const { lang, t } = useT();
  if (notices.length === 0) return null;
  const text = (notice: CartNotice) => {
    // A shop's item name is user text: isolated so an RTL or odd name cannot reorder the sentence.
    const n = { ...notice, name: isolate(notice.name) };
    switch (n.kind) {
      case 'gone':
        return t('cartItemGone', { name: n.name });
      case 'soldOut':
        return t('cartItemSoldOut', { name: n.name });
      case 'optionsChanged':
        return t('cartOptionsChanged', { name: n.name });
      case 'priceChanged':
        return t('cartPriceChanged', {
          name: n.name,
          from: formatWon(n.from, lang),
          to: formatWon(n.to, lang),
        });
      case 'quantityCut':
        return t('cartQuantityCut', { name: n.name, n: n.n });
    }
  };
  return (
    <section aria-labelledby="cart-notices" className="banner cart-notices">
      <h2 id="cart-notices">{t('cartChecked')}</h2>
      <ul role="status">
        {notices.map((n, i) => (
          <li key={i}>{text(n)}</li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onDismiss}>
        {t('cartNoticeDismiss')}
      </button>
    </section>
  );
}
