import { useEffect, useRef, useState } from 'react';
import type { MenuItem } from '../domain/catalogue';
import { formatWon } from '../domain/money';
import { MAX_QUANTITY, priceOrder } from '../domain/pricing';
import { useT } from '../i18n';
import { groupRule } from './groupRule';
import { UserText } from '../ui/UserText';

/**
 * The choices a customer starts from: only what the shop marked as the default (#16: the first
 * options of every required group used to be pre-ticked, a paid one among them). A required group
 * with no default starts empty and says what it needs.
 */
function startingChoice(item: MenuItem): string[] {
  return item.optionGroups.flatMap((g) =>
    g.options
      .filter((o) => o.isDefault)
      .slice(0, g.maxChoices)
      .map((o) => o.id),
  );
}

/**
 * Options and quantity for one item, in a modal dialog (focus stays inside; Escape closes it). The
 * price shown is the domain's own pricing of exactly this choice, so a rule it breaks is a rule the
 * server would refuse: "add" is disabled until every group's min/max holds.
 */
export function ItemDialog({
  item,
  room = MAX_QUANTITY,
  limitNote,
  onAdd,
  onClose,
}: {
  item: MenuItem;
  /**
   * How many more of this item the shop's limits let into a customer's cart; the shop's own phone
   * order (the tablet) is held only to the protocol's line limit.
   */
  room?: number;
  /** What to say when the quantity meets that room. */
  limitNote?: string;
  onAdd: (optionIds: string[], quantity: number) => void;
  onClose: () => void;
}) {
  const { lang, t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [chosen, setChosen] = useState<string[]>(() => startingChoice(item));
  const [quantity, setQuantity] = useState(1);
  // After a tap on "담기" with a required group still open: each such group says so next to itself.
  const [tried, setTried] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const missing = item.optionGroups.filter(
    (g) => g.options.filter((o) => chosen.includes(o.id)).length < g.minChoices,
  );
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  // Priced for an arbitrary date: only options and quantity matter here (sold-out is shown on the menu).
  const priced = priceOrder(
    new Map([[item.id, { ...item, soldOutUntil: null }]]),
    [{ itemId: item.id, quantity, optionIds: chosen }],
    '2000-01-01',
  );
  const toggle = (groupId: string, optionId: string, single: boolean) => {
    const group = item.optionGroups.find((g) => g.id === groupId)!;
    const inGroup = new Set(group.options.map((o) => o.id));
    if (single) return setChosen([...chosen.filter((id) => !inGroup.has(id)), optionId]);
    setChosen(chosen.includes(optionId) ? chosen.filter((id) => id !== optionId) : [...chosen, optionId]);
  };
  return (
    <dialog ref={ref} className="item-dialog" aria-labelledby="item-dialog-title" onClose={onClose}>
      <form
        ref={form}
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (missing.length > 0) {
            setTried(true);
            // Focus goes to the first group still needing a choice.
            form.current
              ?.querySelector<HTMLInputElement>(`fieldset[data-group="${missing[0]!.id}"] input`)
              ?.focus();
            return;
          }
          if (priced.ok && quantity <= room) onAdd(chosen, quantity);
        }}
      >
        <h2 id="item-dialog-title">
          <UserText>{item.name}</UserText>
        </h2>
        <p className="muted">
          <UserText>{item.description}</UserText>
        </p>
        {item.optionGroups.map((g) => {
          const single = g.maxChoices === 1;
          const picked = g.options.filter((o) => chosen.includes(o.id)).length;
          const needs = tried && picked < g.minChoices;
          const errorId = `group-${g.id}-error`;
          return (
            <fieldset
              key={g.id}
              className="option-group"
              data-group={g.id}
              aria-invalid={needs || undefined}
              aria-describedby={needs ? errorId : undefined}
            >
              <legend>
                <UserText>{g.name}</UserText> <span className="muted">({groupRule(g, t)})</span>
              </legend>
              {needs && (
                <p id={errorId} className="field-error" role="alert">
                  {t('chooseInGroup', { n: g.minChoices })}
                </p>
              )}
              {g.options.map((o) => {
                const checked = chosen.includes(o.id);
                return (
                  <label key={o.id} className="choice">
                    <input
                      type={single ? 'radio' : 'checkbox'}
                      name={g.id}
                      checked={checked}
                      disabled={!single && !checked && picked >= g.maxChoices}
                      onChange={() => toggle(g.id, o.id, single)}
                    />
                    <UserText>{o.name}</UserText>
                    {o.priceDelta > 0 && <span className="muted"> +{formatWon(o.priceDelta, lang)}</span>}
                  </label>
                );
              })}
            </fieldset>
          );
        })}
        <div className="stepper" role="group" aria-label={t('quantity')}>
          <button
            type="button"
            className="secondary"
            aria-label={t('decrease')}
            disabled={quantity <= 1}
            onClick={() => setQuantity(quantity - 1)}
          >
            −
          </button>
          <output aria-live="polite">{quantity}</output>
          <button
            type="button"
            className="secondary"
            aria-label={t('increase')}
            disabled={quantity >= room}
            onClick={() => setQuantity(quantity + 1)}
          >
            +
          </button>
        </div>
        {limitNote && quantity >= room && (
          <p role="status" className="limit-note">
            {limitNote}
          </p>
        )}
        {missing.length > 0 && !tried && <p className="muted">{t('chooseOptionsFirst')}</p>}
        <div className="row">
          <button type="button" className="secondary" onClick={onClose}>
            {t('close')}
          </button>
          <button type="submit" disabled={room === 0}>
            {priced.ok ? t('addWithPrice', { total: formatWon(priced.total, lang) }) : t('add')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
