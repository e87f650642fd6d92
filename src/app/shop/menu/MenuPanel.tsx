import { useState } from 'react';
import type { ClientDb } from '../../../client/db';
import { reapplyItemChanges } from '../../../client/outbox';
import { isSoldOut, type MenuItem } from '../../../domain/catalogue';
import { formatWon } from '../../../domain/money';
import { can } from '../../../domain/roles';
import { useT } from '../../../i18n';
import { formatShopDate } from '../../dates';
import type { ShopPanelProps } from '../panel';
import { useShopToday } from '../reservations/useShopToday';
import { CategoryEditor } from './CategoryEditor';
import { ItemEditor } from './ItemEditor';
import './menu.css';
import { SoldOutControls } from './SoldOutControls';
import { grouped, useMenuData } from './useMenuData';
import { useOnline } from './useOnline';
import { UserText } from '../../../ui/UserText';

/**
 * Menu and stock. Everyone on the shop's side marks items sold out — offline too, from the tablet's
 * own copy of the menu; the owner also edits items, prices, options, photos and categories, which
 * needs a connection.
 */
export function MenuPanel({ me, sync }: ShopPanelProps) {
  const { lang, t } = useT();
  const db = sync?.db;
  const menu = useMenuData(db, me.shop.slug, lang);
  const today = useShopToday(menu.timeZone);
  const online = useOnline();
  const owner = can(me.user.role, 'menu.edit');
  const [editing, setEditing] = useState<MenuItem | 'new' | null>(null);

  // A saved item shows at once; the pull that follows brings the same row (a sold-out still queued stays on top).
  const keep = (item: MenuItem) =>
    db &&
    void db.transaction('rw', [db.items, db.outbox], async () => {
      await db.items.put(item);
      await reapplyItemChanges(db);
    });

  if (!db || !menu.items || !today) return <p className="loading">{t('meLoadingMenu')}</p>;
  const groups = grouped(menu.items, menu.categories);
  return (
    <section aria-labelledby="menu-title" className="menu-panel">
      <div className="row menu-head">
        <h2 id="menu-title">{t('meTitle')}</h2>
        {owner && (
          <button
            type="button"
            disabled={!online || menu.categories.length === 0}
            onClick={() => setEditing('new')}
          >
            {t('meAddItem')}
          </button>
        )}
      </div>
      {!online && (
        <p role="status" className="alert alert-info">
          {t('meOfflineNote')}
        </p>
      )}
      {menu.items.length === 0 && <p>{t('meNoItems')}</p>}
      {groups.map(({ category, items }) => (
        <section key={category?.id ?? 'none'} aria-labelledby={`menu-cat-${category?.id ?? 'none'}`}>
          <h3 id={`menu-cat-${category?.id ?? 'none'}`}>
            {category ? <UserText>{category.name}</UserText> : t('meUncategorized')}
          </h3>
          <ul className="menu-list menu-editor-list">
            {items.map((item) => (
              <ItemRow
                key={item.id}
                item={item}
                today={today}
                pending={menu.pending.has(item.id)}
                db={db}
                kick={sync.kick}
                onEdit={owner ? () => setEditing(item) : undefined}
              />
            ))}
          </ul>
        </section>
      ))}
      {owner && (
        <CategoryEditor
          categories={menu.categories}
          itemCount={(id) => menu.items!.filter((i) => i.categoryId === id).length}
          online={online}
          onChange={menu.setCategories}
        />
      )}
      {owner && editing && (
        <ItemEditor
          item={editing === 'new' ? null : editing}
          categories={menu.categories}
          online={online}
          onSaved={keep}
          // Gone here at once; other tablets drop it at their next pull (the server's tombstone).
          onDeleted={(id) => void db.items.delete(id)}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function ItemRow({
  item,
  today,
  pending,
  db,
  kick,
  onEdit,
}: {
  item: MenuItem;
  today: string;
  pending: boolean;
  db: ClientDb;
  kick: () => void;
  onEdit?: () => void;
}) {
  const { lang, t } = useT();
  const soldOut = isSoldOut(item, today);
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
        <h4>
          <UserText>{item.name}</UserText>
        </h4>
        <p className="price">{formatWon(item.price, lang)}</p>
        {soldOut && (
          <p className="badge">
            {item.soldOutUntil! > today
              ? t('meBadgeUntil', { date: formatShopDate(item.soldOutUntil!, lang) })
              : t('meBadgeToday')}
          </p>
        )}
        {pending && <p className="badge badge-pending">{t('mePending')}</p>}
        {item.dailyQuota !== null && <p className="muted">{t('meQuota', { n: item.dailyQuota })}</p>}
        <SoldOutControls item={item} today={today} db={db} kick={kick} />
        {onEdit && (
          <button
            type="button"
            className="secondary"
            onClick={onEdit}
            aria-label={t('meEditFor', { name: item.name })}
          >
            {t('meEdit')}
          </button>
        )}
      </div>
    </li>
  );
}
