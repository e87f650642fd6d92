import { useT } from '../../../i18n';
import { newId, type GroupDraft, type OptionDraft } from './draft';
import { typed } from '../../../ui/typed';

/**
 * An item's option groups: "용량 (pick 1)" with its options and extra prices. The bounds a group can
 * have are checked on the server (domain/menuEdit.optionGroupsProblem) with a message that says why.
 */
export function OptionGroupsEditor({
  groups,
  onChange,
  disabled,
}: {
  groups: GroupDraft[];
  onChange: (g: GroupDraft[]) => void;
  disabled: boolean;
}) {
  const { t } = useT();
  const setGroup = (i: number, g: Partial<GroupDraft>) =>
    onChange(groups.map((x, j) => (j === i ? { ...x, ...g } : x)));
  const setOption = (gi: number, oi: number, o: Partial<OptionDraft>) =>
    setGroup(gi, { options: groups[gi]!.options.map((x, j) => (j === oi ? { ...x, ...o } : x)) });
  const newOption = (): OptionDraft => ({ id: newId(), name: '', priceDelta: '0', isDefault: false });

  return (
    <fieldset className="option-groups" disabled={disabled}>
      <legend>{t('meOptionGroups')}</legend>
      {groups.map((g, gi) => {
        const n = gi + 1;
        return (
          <div key={g.id} className="option-group">
            <div className="row">
              <label>
                {t('meGroupName', { n })}
                <input
                  value={g.name}
                  required
                  maxLength={40}
                  onChange={(e) => setGroup(gi, { name: typed(e) })}
                />
              </label>
              <label>
                {t('meGroupMin', { n })}
                <input
                  type="number"
                  min={0}
                  max={20}
                  value={g.minChoices}
                  onChange={(e) => setGroup(gi, { minChoices: e.target.value })}
                />
              </label>
              <label>
                {t('meGroupMax', { n })}
                <input
                  type="number"
                  min={1}
                  max={20}
                  value={g.maxChoices}
                  onChange={(e) => setGroup(gi, { maxChoices: e.target.value })}
                />
              </label>
              <button
                type="button"
                className="secondary"
                onClick={() => onChange(groups.filter((_, j) => j !== gi))}
              >
                {t('meRemoveGroup', { n })}
              </button>
            </div>
            <ul className="option-list">
              {g.options.map((o, oi) => (
                <li key={o.id} className="row">
                  <label>
                    {t('meOptionName', { g: n, n: oi + 1 })}
                    <input
                      value={o.name}
                      required
                      maxLength={40}
                      onChange={(e) => setOption(gi, oi, { name: typed(e) })}
                    />
                  </label>
                  <label>
                    {t('meOptionDelta', { g: n, n: oi + 1 })}
                    <input
                      type="number"
                      inputMode="numeric"
                      min={0}
                      step={100}
                      value={o.priceDelta}
                      onChange={(e) => setOption(gi, oi, { priceDelta: e.target.value })}
                    />
                  </label>
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={o.isDefault}
                      onChange={(e) => setOption(gi, oi, { isDefault: e.target.checked })}
                    />
                    {t('meOptionDefault', { g: n, n: oi + 1 })}
                  </label>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setGroup(gi, { options: g.options.filter((_, j) => j !== oi) })}
                  >
                    {t('meRemoveOption', { g: n, n: oi + 1 })}
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="secondary"
              onClick={() => setGroup(gi, { options: [...g.options, newOption()] })}
            >
              {t('meAddOption', { n })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          onChange([
            ...groups,
            { id: newId(), name: '', minChoices: '0', maxChoices: '1', options: [newOption()] },
          ])
        }
      >
        {t('meAddGroup')}
      </button>
    </fieldset>
  );
}
