import type { MenuItem, OptionGroup } from '../../domain/catalogue';
import { formatWon } from '../../domain/money';
import { useT } from '../../i18n';

export function MenuItemCard({
  item,
  soldOut,
  today,
  onAdd,
}: {
  item: MenuItem;
  soldOut: boolean;
  today: string;
  onAdd?: () => void;
}) {
  const { lang, t } = useT();
  const soldOutLabel =
    soldOut && item.soldOutUntil && item.soldOutUntil > today
      ? t('soldOutUntil', { date: item.soldOutUntil })
      : soldOut
        ? t('soldOutToday')
        : null;
  return (
    <li className={soldOut ? 'menu-item sold-out' : 'menu-item'} aria-label={item.name}>
      {item.photoUrl && (
        <img
          src={item.photoUrl}
          alt={t('photoOf', { name: item.name })}
          width={96}
          height={72}
          loading="lazy"
        />
      )}
      <div>
        <h3>{item.name}</h3>
        <p className="muted">{item.description}</p>
        <p className="price">{formatWon(item.price, lang)}</p>
        {soldOutLabel && <p className="badge">{soldOutLabel}</p>}
        {item.dailyQuota !== null && !soldOut && (
          <p className="badge">{t('quotaPerDay', { n: item.dailyQuota })}</p>
        )}
        {item.optionGroups.map((g) => (
          <OptionSummary key={g.id} group={g} />
        ))}
        {onAdd && !soldOut && (
          <button type="button" onClick={onAdd} aria-label={t('addToCart', { name: item.name })}>
            +
          </button>
        )}
      </div>
    </li>
  );
}

function OptionSummary({ group }: { group: OptionGroup }) {
  const { lang, t } = useT();
  const rule =
    group.minChoices === group.maxChoices
      ? t('chooseExactly', { n: group.minChoices })
      : t('chooseUpTo', { n: group.maxChoices });
  return (
    <p className="options">
      <strong>{group.name}</strong> ({group.minChoices > 0 ? `${t('required')}, ` : ''}
      {rule}):{' '}
      {group.options
        .map((o) => (o.priceDelta ? `${o.name} (+${formatWon(o.priceDelta, lang)})` : o.name))
        .join(' · ')}
    </p>
  );
}
