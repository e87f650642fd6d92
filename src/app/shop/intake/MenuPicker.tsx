import { isSoldOut, type MenuCategory, type MenuItem } from '../../../domain/catalogue';
import { formatWon } from '../../../domain/money';
import { useT } from '../../../i18n';
import { UserText } from '../../../ui/UserText';

interface Group {
  id: string;
  name: string;
  items: MenuItem[];
}

/** The menu by category, in menu order; items whose category is not known (yet) are listed last. */
function groupsOf(items: readonly MenuItem[], categories: readonly MenuCategory[], other: string): Group[] {
  const groups: Group[] = categories.map((c) => ({
    id: c.id,
    name: c.name,
    items: items.filter((i) => i.categoryId === c.id),
  }));
  const known = new Set(categories.map((c) => c.id));
  const rest = items.filter((i) => !known.has(i.categoryId));
  if (rest.length) groups.push({ id: 'other', name: other, items: rest });
  return groups.filter((g) => g.items.length > 0);
}

/**
 * Big buttons for a busy counter: one tap per item. Sold-out items stay tappable because a pre-order
 * for another day may still take them; the order check says so in words if the day is covered.
 */
export function MenuPicker({
  items,
  categories,
  today,
  onPick,
}: {
  items: readonly MenuItem[];
  categories: readonly MenuCategory[];
  today: string;
  onPick: (item: MenuItem) => void;
}) {
  const { lang, t } = useT();
  const groups = groupsOf(items, categories, t('intakeMenuOther'));
  return (
    <section aria-labelledby="intake-menu-title" className="intake-menu">
      <h3 id="intake-menu-title">{t('intakeMenu')}</h3>
      {groups.length === 0 && <p className="muted">{t('intakeMenuEmpty')}</p>}
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`intake-cat-${g.id}`}>
          <h4 id={`intake-cat-${g.id}`}>
            <UserText>{g.name}</UserText>
          </h4>
          <ul className="intake-items">
            {g.items.map((item) => (
              <li key={item.id}>
                {/* Named by what it shows ("소불고기 12,000원"), so speech input can say what is seen. */}
                <button type="button" className="secondary intake-item" onClick={() => onPick(item)}>
                  <UserText className="intake-item-name">{item.name}</UserText>{' '}
                  <span className="muted">{formatWon(item.price, lang)}</span>
                  {isSoldOut(item, today) && (
                    <>
                      {' '}
                      <span className="badge">{t('intakeSoldOutToday')}</span>
                    </>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
