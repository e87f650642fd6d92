import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call } from '../../../client/api';
import type { MenuCategory, MenuItem } from '../../../domain/catalogue';
import { MENU_LIMITS } from '../../../domain/menuEdit';
import { useT } from '../../../i18n';
import { Alert } from '../../../ui/Alert';
import { Field } from '../../../ui/Field';
import { useAsyncAction } from '../../../ui/useAsyncAction';
import { draftOf, fieldsOf, newId, patchOf, type ItemDraft } from './draft';
import { OptionGroupsEditor } from './OptionGroupsEditor';
import { PhotoPicker } from './PhotoPicker';
import { isolate } from '../../../domain/bidi';
import { Msg } from '../../../ui/UserText';
import { typed } from '../../../ui/typed';

/**
 * The owner's form for one item (or a new one), in a modal dialog. Online only: the dialog says so
 * and will not send while the tablet is offline. A new item, once saved, stays open as an edit so a
 * photo can be added straight away.
 */
export function ItemEditor({
  item: initial,
  categories,
  online,
  onSaved,
  onDeleted,
  onClose,
}: {
  item: MenuItem | null;
  categories: MenuCategory[];
  online: boolean;
  onSaved: (item: MenuItem) => void;
  onDeleted: (itemId: string) => void;
  onClose: () => void;
}) {
  const { lang, t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [item, setItem] = useState(initial);
  const [draft, setDraft] = useState<ItemDraft>(() => draftOf(initial, categories[0]?.id ?? ''));
  const { busy, error, info, run } = useAsyncAction();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const set = (d: Partial<ItemDraft>) => setDraft({ ...draft, ...d });
  const saved = (next: MenuItem) => {
    setItem(next);
    setDraft(draftOf(next, next.categoryId));
    onSaved(next);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const next = item
        ? await call('updateItem', { lang, params: { itemId: item.id }, body: patchOf(item, draft) })
        : await call('createItem', { lang, body: { id: newId(), ...fieldsOf(draft) } });
      saved(next);
      return t('meSaved');
    });
  };
  const remove = (target: MenuItem) =>
    void run(async () => {
      if (!window.confirm(t('meDeleteConfirm', { name: isolate(target.name) }))) return;
      await call('deleteItem', { lang, params: { itemId: target.id } });
      onDeleted(target.id);
      ref.current?.close();
    });
  const title = item ? <Msg text={t('meEditTitle')} user={{ name: item.name }} /> : t('meNewItem');
  const unchanged = item !== null && Object.keys(patchOf(item, draft)).length === 0;

  return (
    <dialog ref={ref} className="item-editor" aria-labelledby="item-editor-title" onClose={onClose}>
      <h2 id="item-editor-title">{title}</h2>
      {!online && (
        <p role="alert" className="alert alert-error">
          {t('meEditNeedsConnection')}
        </p>
      )}
      <form onSubmit={submit}>
        <fieldset disabled={busy} className="item-fields">
          <Field
            label={t('meName')}
            value={draft.name}
            required
            maxLength={MENU_LIMITS.name}
            onChange={(e) => set({ name: typed(e) })}
          />
          <div className="field">
            <label htmlFor="item-description">{t('meDescription')}</label>
            <textarea
              id="item-description"
              rows={2}
              maxLength={MENU_LIMITS.description}
              value={draft.description}
              onChange={(e) => set({ description: typed(e) })}
            />
          </div>
          <Field
            label={t('mePrice')}
            type="number"
            inputMode="numeric"
            min={0}
            step={100}
            required
            value={draft.price}
            onChange={(e) => set({ price: e.target.value })}
          />
          <div className="field">
            <label htmlFor="item-category">{t('meCategory')}</label>
            <select
              id="item-category"
              value={draft.categoryId}
              required
              onChange={(e) => set({ categoryId: e.target.value })}
            >
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <Field
            label={t('meQuotaField')}
            type="number"
            inputMode="numeric"
            min={0}
            value={draft.dailyQuota}
            onChange={(e) => set({ dailyQuota: e.target.value })}
          />
          <Field
            label={t('meLeadDays')}
            type="number"
            min={0}
            max={MENU_LIMITS.leadDays}
            required
            value={draft.leadDays}
            onChange={(e) => set({ leadDays: e.target.value })}
          />
          <Field
            label={t('meCutoff')}
            type="time"
            value={draft.orderCutoff}
            onChange={(e) => set({ orderCutoff: e.target.value })}
          />
          <Field
            label={t('mePosition')}
            type="number"
            min={0}
            max={MENU_LIMITS.position}
            required
            value={draft.position}
            onChange={(e) => set({ position: e.target.value })}
          />
          <OptionGroupsEditor
            groups={draft.optionGroups}
            onChange={(g) => set({ optionGroups: g })}
            disabled={busy}
          />
        </fieldset>
        <Alert error={error} info={info} />
        <div className="row">
          <button type="submit" disabled={busy || !online || unchanged}>
            {t('meSave')}
          </button>
          <button type="button" className="secondary" onClick={() => ref.current?.close()}>
            {t('meClose')}
          </button>
          {item && (
            <button type="button" className="danger" disabled={busy || !online} onClick={() => remove(item)}>
              {t('meDelete')}
            </button>
          )}
        </div>
      </form>
      {item && (
        <PhotoPicker
          item={item}
          disabled={!online}
          // The form keeps what the owner is typing; only the photo changed.
          onSaved={(next) => {
            setItem(next);
            onSaved(next);
          }}
        />
      )}
    </dialog>
  );
}
