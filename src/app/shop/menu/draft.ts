import type { MenuItem, OptionGroup } from '../../../domain/catalogue';
import type { RouteBody } from '../../../protocol/routes';

/**
 * The item form's state: what the owner typed, as text, until it is saved. Numbers stay strings so a
 * half-typed field ("" while retyping a price) is not turned into 0 behind the owner's back.
 */
export interface OptionDraft {
  id: string;
  name: string;
  priceDelta: string;
  /** Pre-chosen on the customer's phone (#16); every other option starts unchosen. */
  isDefault: boolean;
}
export interface GroupDraft {
  id: string;
  name: string;
  minChoices: string;
  maxChoices: string;
  options: OptionDraft[];
}
export interface ItemDraft {
  categoryId: string;
  name: string;
  description: string;
  price: string;
  dailyQuota: string;
  leadDays: string;
  orderCutoff: string;
  position: string;
  optionGroups: GroupDraft[];
}

/** Option and group ids are made here, on the device; order lines name options by them. */
export const newId = () => crypto.randomUUID();

export function draftOf(item: MenuItem | null, categoryId: string): ItemDraft {
  return {
    categoryId: item?.categoryId ?? categoryId,
    name: item?.name ?? '',
    description: item?.description ?? '',
    price: item ? String(item.price) : '',
    dailyQuota: item && item.dailyQuota !== null ? String(item.dailyQuota) : '',
    leadDays: String(item?.leadDays ?? 0),
    orderCutoff: item?.orderCutoff ?? '',
    position: String(item?.position ?? 0),
    optionGroups: (item?.optionGroups ?? []).map((g) => ({
      id: g.id,
      name: g.name,
      minChoices: String(g.minChoices),
      maxChoices: String(g.maxChoices),
      options: g.options.map((o) => ({
        id: o.id,
        name: o.name,
        priceDelta: String(o.priceDelta),
        isDefault: o.isDefault === true,
      })),
    })),
  };
}

/** "" stays empty; anything else must be a whole number (the server's schema decides the bounds). */
const int = (s: string) => (s.trim() === '' ? NaN : Number(s.trim()));

function groupsOf(d: ItemDraft): OptionGroup[] {
  return d.optionGroups.map((g) => ({
    id: g.id,
    name: g.name.trim(),
    minChoices: int(g.minChoices),
    maxChoices: int(g.maxChoices),
    options: g.options.map((o) => ({
      id: o.id,
      name: o.name.trim(),
      priceDelta: int(o.priceDelta || '0'),
      ...(o.isDefault ? { isDefault: true } : {}),
    })),
  }));
}

type Fields = Omit<RouteBody<'createItem'>, 'id'>;

export function fieldsOf(d: ItemDraft): Required<Fields> {
  return {
    categoryId: d.categoryId,
    name: d.name.trim(),
    description: d.description.trim(),
    price: int(d.price),
    dailyQuota: d.dailyQuota.trim() === '' ? null : int(d.dailyQuota),
    leadDays: int(d.leadDays),
    orderCutoff: d.orderCutoff.trim() === '' ? null : d.orderCutoff.trim(),
    position: int(d.position),
    optionGroups: groupsOf(d),
  };
}

/**
 * Only the fields the owner changed (S11: last writer wins per field), so saving a name from one
 * tablet does not overwrite a price another tablet changed a moment ago.
 */
export function patchOf(item: MenuItem, d: ItemDraft): RouteBody<'updateItem'> {
  const next = fieldsOf(d);
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (JSON.stringify(v) !== JSON.stringify(item[k as keyof MenuItem])) patch[k] = v;
  }
  return patch as RouteBody<'updateItem'>;
}
