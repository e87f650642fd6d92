import type { OptionGroup } from '../domain/catalogue';

/** "필수, 1개 선택" / "최대 3개 선택": the group's min/max in words. */
export function groupRule(
  group: OptionGroup,
  t: (k: 'required' | 'chooseExactly' | 'chooseUpTo' | 'chooseBetween', v?: Record<string, number>) => string,
): string {
  const rule =
    group.minChoices === group.maxChoices
      ? t('chooseExactly', { n: group.minChoices })
      : group.minChoices > 0
        ? t('chooseBetween', { min: group.minChoices, max: group.maxChoices })
        : t('chooseUpTo', { n: group.maxChoices });
  return group.minChoices > 0 ? `${t('required')}, ${rule}` : rule;
}
