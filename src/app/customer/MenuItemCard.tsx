import type { MenuItem, OptionGroup } from '../../domain/catalogue';
import { earliestDate } from '../../domain/leadTime';
import { formatWon } from '../../domain/money';
import { useT } from '../../i18n';
import { formatShopDate } from '../dates';
import { groupRule } from '../groupRule';
import { Fragment } from 'react';
import { UserText } from '../../ui/UserText';

export function MenuItemCard({
  item,
  soldOut,
  left,
  today,
  now,
  timeZone,
  onAdd,
}: {
  item: MenuItem;
  soldOut: boolean;
  /** How many the daily quota still allows today, or null when there is no quota. */
  left: number | null;
  today: string;
  now: Date;
  timeZone: string;
  onAdd?: () => void;
}) {
  const { lang, t } = useT();
  const soldOutLabel =
    soldOut && item.soldOutUntil && item.soldOutUntil > today
      ? t('soldOutUntil', { date: formatShopDate(item.soldOutUntil, lang) })
      : soldOut
        ? t('soldOutToday')
        : null;
  const first = earliestDate(item, now, timeZone);
  const leadLabel =
    item.leadDays > 0 || item.orderCutoff
      ? t(item.orderCutoff ? 'leadCutoff' : 'leadDays', {
          days: item.leadDays === 0 ? t('sameDay') : t('daysBefore', { n: item.leadDays }),
          time: item.orderCutoff ?? '',
          first: formatShopDate(first, lang),
        })
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
        <h3>
          <UserText>{item.name}</UserText>
        </h3>
        <p className="muted">
          <UserText>{item.description}</UserText>
        </p>
        <p className="price">{formatWon(item.price, lang)}</p>
        {soldOutLabel && <p className="badge">{soldOutLabel}</p>}
        {!soldOut && left !== null && (
          <p className="badge">{left > 0 ? t('leftToday', { n: left }) : t('noneLeftToday')}</p>
        )}
        {leadLabel && <p className="badge badge-lead">{leadLabel}</p>}
        {item.optionGroups.map((g) => (
          <OptionSummary key={g.id} group={g} />
        ))}
        {onAdd && !soldOut && (
          <button type="button" onClick={onAdd} aria-label={t('addToCart', { name: item.name })}>
            {t('add')}
          </button>
        )}
      </div>
    </li>
  );
}

function OptionSummary({ group }: { group: OptionGroup }) {
  const { lang, t } = useT();
  return (
    <p className="options">
      <strong>
        <UserText>{group.name}</UserText>
      </strong>{' '}
      ({groupRule(group, t)}):{' '}
      {group.options.map((o, i) => (
        <Fragment key={o.id}>
          {i > 0 && ' · '}
          <UserText>{o.name}</UserText>
          {o.priceDelta ? ` (+${formatWon(o.priceDelta, lang)})` : ''}
        </Fragment>
      ))}
    </p>
  );
}
