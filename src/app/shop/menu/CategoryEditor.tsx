import { useState, type FormEvent } from 'react';
import { call } from '../../../client/api';
import type { MenuCategory } from '../../../domain/catalogue';
import { MENU_LIMITS, moveId } from '../../../domain/menuEdit';
import { useT } from '../../../i18n';
import { Alert } from '../../../ui/Alert';
import { useAsyncAction } from '../../../ui/useAsyncAction';
import { newId } from './draft';
import { Msg } from '../../../ui/UserText';
import { typed } from '../../../ui/typed';

/**
 * The owner's categories: add, rename, move up or down, remove when empty. Each answer carries the
 * whole list as the server now has it, which replaces the tablet's copy.
 */
export function CategoryEditor({
  categories,
  itemCount,
  online,
  onChange,
}: {
  categories: MenuCategory[];
  itemCount: (categoryId: string) => number;
  online: boolean;
  onChange: (c: MenuCategory[]) => void;
}) {
  const { lang, t } = useT();
  const { busy, error, info, run } = useAsyncAction();
  const [name, setName] = useState('');
  const [names, setNames] = useState<Record<string, string>>({});
  const apply = (p: Promise<{ categories: MenuCategory[] }>) =>
    run(async () => {
      onChange((await p).categories);
      return t('meSaved');
    });
  const add = (e: FormEvent) => {
    e.preventDefault();
    void apply(call('createCategory', { lang, body: { id: newId(), name } })).then(() => setName(''));
  };
  const move = (id: string, delta: -1 | 1) =>
    void apply(
      call('reorderCategories', {
        lang,
        body: {
          ids: moveId(
            categories.map((c) => c.id),
            id,
            delta,
          ),
        },
      }),
    );
  const off = busy || !online;

  return (
    <section className="category-editor" aria-labelledby="category-editor-title">
      <h3 id="category-editor-title">{t('meCategories')}</h3>
      <ul>
        {categories.map((c, i) => {
          const value = names[c.id] ?? c.name;
          return (
            <li key={c.id} className="row">
              <form
                className="row"
                onSubmit={(e) => {
                  e.preventDefault();
                  void apply(
                    call('updateCategory', { lang, params: { categoryId: c.id }, body: { name: value } }),
                  );
                }}
              >
                <input
                  aria-label={t('meRenameCategory', { name: c.name })}
                  value={value}
                  required
                  maxLength={MENU_LIMITS.categoryName}
                  onChange={(e) => setNames({ ...names, [c.id]: typed(e) })}
                />
                <button type="submit" className="secondary" disabled={off || value.trim() === c.name}>
                  <Msg text={t('meRenameSave')} user={{ name: c.name }} />
                </button>
              </form>
              <button
                type="button"
                className="secondary"
                disabled={off || i === 0}
                onClick={() => move(c.id, -1)}
              >
                <Msg text={t('meMoveUp')} user={{ name: c.name }} />
              </button>
              <button
                type="button"
                className="secondary"
                disabled={off || i === categories.length - 1}
                onClick={() => move(c.id, 1)}
              >
                <Msg text={t('meMoveDown')} user={{ name: c.name }} />
              </button>
              {itemCount(c.id) === 0 && (
                <button
                  type="button"
                  className="secondary"
                  disabled={off}
                  onClick={() => void apply(call('deleteCategory', { lang, params: { categoryId: c.id } }))}
                >
                  <Msg text={t('meRemoveCategory')} user={{ name: c.name }} />
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <form className="row" onSubmit={add}>
        <label>
          {t('meNewCategoryName')}
          <input
            value={name}
            required
            maxLength={MENU_LIMITS.categoryName}
            onChange={(e) => setName(typed(e))}
          />
        </label>
        <button type="submit" disabled={off}>
          {t('meAddCategory')}
        </button>
      </form>
      <Alert error={error} info={info} />
    </section>
  );
}
